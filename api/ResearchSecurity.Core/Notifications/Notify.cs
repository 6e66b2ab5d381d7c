using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

/// <summary>Writes notification outbox rows into the caller's save (the same SaveChangesAsync as the change and its audit event).</summary>
public static class Notify
{
    /// <summary>The research-integrity reviewers' role name, as the API's roles spell it.</summary>
    public const string ReviewersRole = "IntegrityReviewer";

    public static void NotifyReviewers(this ResearchSecurityDbContext db, NotificationKind kind, Guid? proposalId, Guid? subjectId = null, int count = 1) =>
        db.NotificationEvents.Add(NotificationEvent.ToRole(kind, ReviewersRole, proposalId, subjectId, count, db.Clock.GetUtcNow()));

    public static void NotifyUser(this ResearchSecurityDbContext db, NotificationKind kind, string userId, Guid? proposalId, Guid? subjectId = null, int count = 1) =>
        db.NotificationEvents.Add(NotificationEvent.ToUser(kind, userId, proposalId, subjectId, count, db.Clock.GetUtcNow()));
}
