namespace ResearchSecurity.Core.Audit;

/// <summary>Numbered event types; numbers are stored and never reused.</summary>
public enum AuditEventType
{
    ProposalCreated = 100,
    ProposalUpdated = 101,
    ProposalDeleted = 102,
    ProposalSubmitted = 103,
    ProposalWithdrawn = 104,
    ProposalViewed = 105,

    PersonCreated = 200,
    PersonUpdated = 201,
    PersonDeleted = 202,

    FundingSourceCreated = 300,
    FundingSourceUpdated = 301,
    FundingSourceDeleted = 302,
}
