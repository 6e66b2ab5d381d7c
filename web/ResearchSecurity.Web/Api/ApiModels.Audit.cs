namespace ResearchSecurity.Web.Api;

// Auditor screens: the audit log's filters, the chain's verification.

/// <summary>The event types the API records (names as the API sends them), for the log's filter.</summary>
public static class AuditEventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "ProposalCreated", "ProposalUpdated", "ProposalDeleted", "ProposalSubmitted", "ProposalWithdrawn", "ProposalViewed",
        "PersonCreated", "PersonUpdated", "PersonDeleted",
        "FundingSourceCreated", "FundingSourceUpdated", "FundingSourceDeleted",
        "ReviewClaimed", "HitDispositioned", "InformationRequested", "InformationProvided", "ProposalEscalated", "DecisionRecorded",
        "DecisionConfirmed", "ReviewReopened", "ReviewViewed", "HitExplanationViewed", "RiskAssessed",
        "WatchlistRegistered", "ListVersionImported", "ListVersionRejected", "ListVersionActivated", "WatchlistChanged",
        "ScreeningCompleted", "HitRaised", "HitReRaised", "HitMadeHistorical", "ProposalScreeningStarted", "ProposalScreeningCompleted",
        "ScreeningFailed", "RescreenCompleted", "RescreenFailed",
        "AuditTrailExported", "AuditChainVerified",
        "UserSignedIn", "UserSignInFailed", "UserCreated", "UserRolesChanged", "UserLocked", "UserUnlocked",
    ];
}

public sealed record AuditFilter(Guid? ProposalId, Guid? SubjectId, string? ActorId, string? EventType, DateTimeOffset? From, DateTimeOffset? To,
    int Page = 1, int PageSize = 25);

public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem, TimeSpan Elapsed);

public enum AuditExportFormat { Json, Xlsx }
