using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// Outbox recovery, every minute: rows written but never scheduled (the process died between commit and scheduling)
/// are scheduled now. Each job locks its row and checks its state, so one scheduled twice does its work once.
/// </summary>
public sealed class NotificationSweepJob(ResearchSecurityDbContext db, IBackgroundJobClient jobs, IOptions<NotificationOptions> options)
{
    public const string RecurringId = "notification-sweep";

    public static void Schedule(IRecurringJobManager recurring) =>
        recurring.AddOrUpdate<NotificationSweepJob>(RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

    public async Task RunAsync(CancellationToken ct)
    {
        var before = db.Clock.GetUtcNow() - options.Value.SweepAfter;
        foreach (var id in await db.NotificationEvents.AsNoTracking().Where(e => e.DispatchedAt == null && e.CreatedAt < before).Select(e => e.Id).ToListAsync(ct))
            jobs.Enqueue<DispatchNotificationJob>(j => j.RunAsync(id, CancellationToken.None));
        foreach (var id in await db.EmailMessages.AsNoTracking().Where(m => m.State == EmailState.Pending && m.Attempts == 0 && m.CreatedAt < before).Select(m => m.Id).ToListAsync(ct))
            jobs.Enqueue<SendEmailJob>(j => j.RunAsync(id, null, CancellationToken.None));
        foreach (var id in await db.WebhookDeliveries.AsNoTracking().Where(d => d.State == WebhookDeliveryState.Pending && d.Attempts == 0 && d.CreatedAt < before).Select(d => d.Id).ToListAsync(ct))
            jobs.Enqueue<DeliverWebhookJob>(j => j.RunAsync(id, null, CancellationToken.None));
    }
}
