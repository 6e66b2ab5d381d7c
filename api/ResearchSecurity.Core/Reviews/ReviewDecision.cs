using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Reviews;

public enum DecisionState { PendingConfirmation = 0, Effective = 1, Superseded = 2 }

public sealed record ConditionDetails(string Description, string Owner, DateOnly DueDate);

/// <summary>
/// A reviewer's decision with its rationale. When the proposal's risk is High or above, the decision waits for a
/// second reviewer (four-eyes) and only then takes effect; the decider can never confirm their own decision.
/// </summary>
public sealed class ReviewDecision : Entity
{
    private readonly List<MitigationCondition> _conditions = [];

    private ReviewDecision() { }

    public Guid ProposalId { get; private set; }
    public ProposalStatus Outcome { get; private set; }
    public string Rationale { get; private set; } = string.Empty;
    public RiskLevel RiskAtDecision { get; private set; }
    /// <summary>The risk policy version the proposal's level was assessed under when the decision was taken.</summary>
    public int? RiskPolicyVersion { get; private set; }
    public DecisionState State { get; private set; }
    public string DecidedBy { get; private set; } = string.Empty;
    public DateTimeOffset DecidedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public IReadOnlyList<MitigationCondition> Conditions => _conditions;

    public static RiskLevel FourEyesThreshold => RiskLevel.High;

    public static ReviewDecision Record(Proposal proposal, ProposalStatus outcome, string rationale,
        IReadOnlyList<ConditionDetails> conditions, string reviewer, DateTimeOffset now, int? riskPolicyVersion = null)
    {
        proposal.NoteDecisionRecorded(now);
        if (outcome is not (ProposalStatus.Approved or ProposalStatus.ApprovedWithConditions or ProposalStatus.Rejected))
            throw new DomainException($"{outcome} is not a decision outcome.");
        if (string.IsNullOrWhiteSpace(rationale)) throw new DomainException("A decision needs a rationale.");
        if (outcome == ProposalStatus.ApprovedWithConditions && conditions.Count == 0)
            throw new DomainException("Approval with conditions needs at least one mitigation condition.");
        if (outcome != ProposalStatus.ApprovedWithConditions && conditions.Count > 0)
            throw new DomainException("Mitigation conditions belong to an approval with conditions.");

        var decision = new ReviewDecision
        {
            ProposalId = proposal.Id, Outcome = outcome, Rationale = rationale, RiskAtDecision = proposal.RiskLevel, RiskPolicyVersion = riskPolicyVersion,
            DecidedBy = reviewer, DecidedAt = now,
            State = proposal.RiskLevel >= FourEyesThreshold ? DecisionState.PendingConfirmation : DecisionState.Effective,
        };
        decision._conditions.AddRange(conditions.Select(c => new MitigationCondition(decision.Id, c)));
        if (decision.State == DecisionState.Effective) proposal.ApplyDecision(outcome, now);
        return decision;
    }

    public void Confirm(Proposal proposal, string reviewer, DateTimeOffset now)
    {
        if (State != DecisionState.PendingConfirmation) throw new DomainException($"This decision is {State}, not awaiting confirmation.");
        if (reviewer == DecidedBy) throw new DomainException("The second reviewer must be someone other than the decider.");
        proposal.ApplyDecision(Outcome, now);
        State = DecisionState.Effective;
        ConfirmedBy = reviewer;
        ConfirmedAt = now;
    }

    /// <summary>A newer decision (or a reopened review) replaces this one.</summary>
    public void Supersede() => State = DecisionState.Superseded;
}

public sealed class MitigationCondition : Entity
{
    private MitigationCondition() { }

    internal MitigationCondition(Guid decisionId, ConditionDetails details)
    {
        DecisionId = decisionId;
        Description = details.Description;
        Owner = details.Owner;
        DueDate = details.DueDate;
    }

    public Guid DecisionId { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public string Owner { get; private set; } = string.Empty;
    public DateOnly DueDate { get; private set; }
}
