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

    ReviewClaimed = 400,
    HitDispositioned = 401,
    InformationRequested = 402,
    InformationProvided = 403,
    ProposalEscalated = 404,
    DecisionRecorded = 405,
    DecisionConfirmed = 406,
    ReviewReopened = 407,
    ReviewViewed = 408,
    HitExplanationViewed = 409,
    RiskAssessed = 410,
    RiskFlagRaised = 411,
    RiskFlagReRaised = 412,
    RiskFlagResolved = 413,
    RiskFlagDismissed = 414,
    RiskViewed = 415,

    WatchlistRegistered = 500,
    ListVersionImported = 501,
    ListVersionRejected = 502,
    ListVersionActivated = 503,
    WatchlistChanged = 504,
    RiskPolicyUploaded = 510,
    RiskPolicyRejected = 511,
    RiskPolicyActivated = 512,
    RiskReassessmentCompleted = 513,
    RiskReassessmentFailed = 514,

    ScreeningCompleted = 600,
    HitRaised = 601,
    HitReRaised = 602,
    HitMadeHistorical = 603,
    ProposalScreeningStarted = 610,
    ProposalScreeningCompleted = 611,
    ScreeningFailed = 612,
    RescreenCompleted = 613,
    RescreenFailed = 614,

    AuditTrailExported = 700,
    AuditChainVerified = 701,
    DossierPrinted = 702,
    RegisterExported = 703,

    UserSignedIn = 800,
    UserSignInFailed = 801,
    UserCreated = 802,
    UserRolesChanged = 803,
    UserLocked = 804,
    UserUnlocked = 805,
    TokenIssued = 806,
    UserRoleGrantRequested = 807,
    UserSignedOut = 808,

    // Hardening (issue 16): refusals and reads.
    ListVersionHeld = 505,
    PersonViewed = 203,
    VisitorsImported = 204,
    FundingReadByIntegration = 303,
    DashboardViewed = 901,
    AccessDenied = 900,

    // The organisation's response (issue 15): suspicious-approach reports and notifications.
    ApproachReported = 1000,
    ApproachReviewStarted = 1001,
    ApproachReportClosed = 1002,
    NotificationPreferencesChanged = 1100,
    WebhookSubscriptionCreated = 1101,
    WebhookSubscriptionRemoved = 1102,
}

/// <summary>Groups of event types that the audit writer treats alike.</summary>
public static class AuditEventKinds
{
    /// <summary>Reads and refusals: something was looked at or refused, nothing in the records changed.</summary>
    public static readonly IReadOnlySet<AuditEventType> Observations = new HashSet<AuditEventType>
    {
        AuditEventType.ProposalViewed, AuditEventType.PersonViewed, AuditEventType.ReviewViewed, AuditEventType.HitExplanationViewed,
        AuditEventType.RiskViewed, AuditEventType.DashboardViewed, AuditEventType.FundingReadByIntegration, AuditEventType.AuditTrailExported, AuditEventType.DossierPrinted,
        AuditEventType.AccessDenied,
    };
}
