namespace ResearchSecurity.Core.Notifications;

/// <summary>What a notification tells its recipient. Stored by name (never rename) and used as preference keys.</summary>
public enum NotificationKind
{
    /// <summary>To reviewers: a proposal entered the review queue with hits, or a hit was raised on one under review.</summary>
    HitsOnQueue = 0,
    /// <summary>To reviewers: a red flag was raised on a proposal in review.</summary>
    FlagRaised = 1,
    /// <summary>To the investigator: the review decision on their proposal is final.</summary>
    DecisionMade = 2,
    /// <summary>To the investigator: a reviewer asks a question about their proposal.</summary>
    InformationRequested = 3,
    /// <summary>To the reviewer who asked: the investigator answered.</summary>
    InformationAnswered = 4,
    /// <summary>To reviewers: a re-screen after a list change raised new hits on an approved proposal (dynamic screening).</summary>
    ApprovedProposalNewHits = 5,
    /// <summary>To reviewers: a member of staff reported a suspicious approach.</summary>
    ApproachReported = 6,
}

/// <summary>How a user wants one kind: at once, gathered in the daily digest, or not at all.</summary>
public enum NotificationMode { Immediate = 0, Digest = 1, Off = 2 }
