using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// Turns one outbox row into messages: an e-mail per recipient who wants this kind (immediately or in the digest) and a
/// webhook delivery per subscription, then marks the row dispatched — all in one transaction, with the row locked so
/// a duplicate delivery of the job waits and then finds it done. Sending is the next jobs' work.
/// </summary>
public sealed class DispatchNotificationJob(ResearchSecurityDbContext db, IOptions<NotificationOptions> options)
{
    public async Task RunAsync(Guid eventId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var evt = await db.NotificationEvents.FromSql($"SELECT * FROM notification_events WHERE id = {eventId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (evt is null || evt.DispatchedAt is not null) return;
        var now = db.Clock.GetUtcNow();
        var text = await NotificationText.ComposeAsync(db, evt, options.Value, ct);

        if (options.Value.SendsEmail)
        {
            var recipients = await RecipientDirectory.ResolveAsync(db, evt, ct);
            var ids = recipients.Select(r => r.UserId).ToList();
            var modes = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Kind == evt.Kind)
                .ToDictionaryAsync(p => p.UserId, p => p.Mode, ct);
            foreach (var r in recipients)
            {
                var mode = modes.GetValueOrDefault(r.UserId, NotificationMode.Immediate);
                if (mode == NotificationMode.Off) continue;
                db.EmailMessages.Add(EmailMessage.Compose(evt.Id, r.UserId, r.Email, text, digest: mode == NotificationMode.Digest, now));
            }
        }

        var body = JsonSerializer.Serialize(new
        {
            Id = evt.Id, Kind = evt.Kind.ToString(), OccurredAt = evt.CreatedAt, evt.ProposalId, evt.SubjectId, evt.Count, Summary = text.Subject, text.Link,
        }, JsonSerializerOptions.Web);
        foreach (var subscription in await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct))
            if (subscription.Wants(evt.Kind)) db.WebhookDeliveries.Add(WebhookDelivery.For(evt.Id, subscription.Id, body, now));

        evt.MarkDispatched(now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
