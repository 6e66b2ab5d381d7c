using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// The notification outbox: one row per thing to tell, written by the same SaveChangesAsync as the change it is about
/// (see <see cref="ResearchSecurity.Core.Data.ResearchSecurityDbContext.Notify"/>), addressed to one user or to everyone
/// holding a role. It carries ids and a count only; <see cref="DispatchNotificationJob"/> resolves recipients and writes
/// the messages and webhook deliveries, then marks the row dispatched.
/// </summary>
public sealed class NotificationEvent : Entity
{
    private NotificationEvent() { }

    public NotificationKind Kind { get; private set; }
    public Guid? ProposalId { get; private set; }
    /// <summary>The record the notification is about when it is not the proposal (an approach report, a decision).</summary>
    public Guid? SubjectId { get; private set; }
    public string? RecipientUserId { get; private set; }
    public string? RecipientRole { get; private set; }
    public int Count { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }

    public static NotificationEvent ToUser(NotificationKind kind, string userId, Guid? proposalId, Guid? subjectId, int count, DateTimeOffset now) =>
        new() { Kind = kind, RecipientUserId = userId, ProposalId = proposalId, SubjectId = subjectId, Count = count, CreatedAt = now };

    public static NotificationEvent ToRole(NotificationKind kind, string role, Guid? proposalId, Guid? subjectId, int count, DateTimeOffset now) =>
        new() { Kind = kind, RecipientRole = role, ProposalId = proposalId, SubjectId = subjectId, Count = count, CreatedAt = now };

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt ??= now;
}
