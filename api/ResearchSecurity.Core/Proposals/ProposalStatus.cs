namespace ResearchSecurity.Core.Proposals;

/// <summary>
/// Draft → Submitted → Screening → InReview → Approved | ApprovedWithConditions | Rejected, with Withdrawn, Escalated
/// and InfoRequested on the side. Stored as text, so the numbers are only for ordering.
/// </summary>
public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Screening = 2,
    InReview = 3,
    InfoRequested = 4,
    Escalated = 5,
    Approved = 6,
    ApprovedWithConditions = 7,
    Rejected = 8,
    Withdrawn = 9,
}

public enum RiskLevel { None = 0, Low = 1, Medium = 2, High = 3, Critical = 4 }
