using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

public enum FlagStatus { Open = 0, Dismissed = 1, Resolved = 2 }

/// <summary>
/// One red flag raised by a rule on a proposal, with its evidence as JSON. There is at most one flag per
/// (proposal, rule, key), so re-assessing refreshes a flag instead of duplicating it. A reviewer's dismissal holds
/// while the evidence stays the same (its hash); changed evidence opens the flag again with the reason. A flag whose
/// rule no longer finds it is resolved, never deleted.
/// </summary>
public sealed class RiskFlag : Entity
{
    private RiskFlag() { }

    public Guid ProposalId { get; private set; }
    public string Rule { get; private set; } = string.Empty;
    /// <summary>What the flag is about within the rule (a partner id, a person and answer, a shared phone number...).</summary>
    public string Key { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;
    public string Evidence { get; private set; } = "{}";
    public string EvidenceHash { get; private set; } = string.Empty;
    /// <summary>The evidence names other proposals' records: shown to reviewers and auditors, not to investigators.</summary>
    public bool CrossRecord { get; private set; }
    public double Weight { get; private set; }
    public RiskLevel? MinimumLevel { get; private set; }
    public string? Decision { get; private set; }
    public FlagStatus Status { get; private set; }
    public int PolicyVersion { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset LastAssessedAt { get; private set; }
    public string? DismissedBy { get; private set; }
    public DateTimeOffset? DismissedAt { get; private set; }
    public string? DismissalReason { get; private set; }
    public DateTimeOffset? ReRaisedAt { get; private set; }
    public string? ReRaisedReason { get; private set; }

    /// <summary>Open flags count towards the risk level; dismissed and resolved ones do not.</summary>
    public bool Counts => Status == FlagStatus.Open;

    internal static RiskFlag Raise(Guid proposalId, FlagCandidate c, string evidence, string hash, double weight, RulePolicy rule, int policyVersion,
        DateTimeOffset now) => new()
    {
        ProposalId = proposalId, Rule = c.Rule, Key = c.Key, Title = c.Title, Explanation = c.Explanation, Evidence = evidence, EvidenceHash = hash,
        CrossRecord = c.CrossRecord, Weight = weight, MinimumLevel = rule.MinimumLevel, Decision = rule.Decision, Status = FlagStatus.Open,
        PolicyVersion = policyVersion, RaisedAt = now, LastAssessedAt = now,
    };

    /// <summary>The rule found this flag again. Returns the reason when a dismissed or resolved flag opens again.</summary>
    internal string? Refresh(FlagCandidate c, string evidence, string hash, double weight, RulePolicy rule, int policyVersion, DateTimeOffset now)
    {
        string? reopened = null;
        if (Status == FlagStatus.Dismissed && hash != EvidenceHash) reopened = "The evidence changed since the flag was dismissed.";
        else if (Status == FlagStatus.Resolved) reopened = "The rule finds this again.";
        Title = c.Title;
        Explanation = c.Explanation;
        Evidence = evidence;
        EvidenceHash = hash;
        CrossRecord = c.CrossRecord;
        Weight = weight;
        MinimumLevel = rule.MinimumLevel;
        Decision = rule.Decision;
        PolicyVersion = policyVersion;
        LastAssessedAt = now;
        if (reopened is null) return null;
        Status = FlagStatus.Open;
        ReRaisedAt = now;
        ReRaisedReason = reopened;
        return reopened;
    }

    /// <summary>The rule no longer finds this (the record was corrected, or the policy disabled the rule).</summary>
    internal bool Resolve(DateTimeOffset now)
    {
        if (Status == FlagStatus.Resolved) return false;
        Status = FlagStatus.Resolved;
        LastAssessedAt = now;
        return true;
    }

    public void Dismiss(string reviewer, string reason, DateTimeOffset now)
    {
        if (Status != FlagStatus.Open) throw new DomainException($"Only an open flag can be dismissed; this one is {Status}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Dismissing a flag needs a reason.");
        Status = FlagStatus.Dismissed;
        DismissedBy = reviewer;
        DismissedAt = now;
        DismissalReason = reason;
    }
}
