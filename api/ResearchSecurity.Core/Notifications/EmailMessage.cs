using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Notifications;

public enum EmailState { Pending = 0, Sent = 1, InDigest = 2, Digested = 3, Failed = 4 }

/// <summary>
/// One e-mail to one user for one notification event (unique per event and user, so a repeated dispatch writes none
/// twice). Immediate messages are sent by <see cref="SendEmailJob"/>; digest ones wait for <see cref="SendDigestsJob"/>.
/// </summary>
public sealed class EmailMessage : Entity
{
    private EmailMessage() { }

    public Guid? EventId { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public string To { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public EmailState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The digest e-mail this message went out in.</summary>
    public Guid? DigestId { get; private set; }

    public static EmailMessage Compose(Guid? eventId, string userId, string to, NotificationText text, bool digest, DateTimeOffset now) => new()
    {
        EventId = eventId, UserId = userId, To = to, Subject = text.Subject, Body = text.Body,
        State = digest ? EmailState.InDigest : EmailState.Pending, CreatedAt = now,
    };

    public void Attempt(string? error)
    {
        Attempts++;
        LastError = error;
    }

    public void MarkSent(DateTimeOffset now)
    {
        State = EmailState.Sent;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        State = EmailState.Failed;
        LastError = error;
    }

    public void MarkDigested(Guid digestId)
    {
        if (State != EmailState.InDigest) throw new DomainException($"Only a message waiting for the digest can go into one; this one is {State}.");
        State = EmailState.Digested;
        DigestId = digestId;
    }
}
