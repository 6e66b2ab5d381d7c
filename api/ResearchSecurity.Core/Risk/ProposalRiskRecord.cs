using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

/// <summary>
/// The latest risk assessment of a proposal: its level, the combined score, every contributing factor with its
/// evidence and weight (JSON, the same list the reviewer sees), and the policy version it was taken under.
/// One row per proposal, replaced at each assessment; the history is in the audit trail (RiskAssessed events).
/// </summary>
public sealed class ProposalRiskRecord
{
    private ProposalRiskRecord() { }

    public Guid ProposalId { get; private set; }
    public RiskLevel Level { get; private set; }
    public double Score { get; private set; }
    public string Factors { get; private set; } = "[]";
    public int PolicyVersion { get; private set; }
    public string PolicyId { get; private set; } = string.Empty;
    public string? DecisionLabel { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }

    public static ProposalRiskRecord For(Guid proposalId) => new() { ProposalId = proposalId };

    public void Set(RiskLevel level, double score, string factors, int policyVersion, string policyId, string? decisionLabel, DateTimeOffset now)
    {
        Level = level;
        Score = score;
        Factors = factors;
        PolicyVersion = policyVersion;
        PolicyId = policyId;
        DecisionLabel = decisionLabel;
        AssessedAt = now;
    }
}
