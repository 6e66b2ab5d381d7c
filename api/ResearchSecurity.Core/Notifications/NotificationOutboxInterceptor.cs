using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// Schedules the job for each outbox row a save adds — dispatch for a notification event, send for a pending e-mail,
/// deliver for a webhook delivery — once the rows are committed (after the save, or when its transaction commits).
/// <see cref="NotificationSweepJob"/> catches rows whose scheduling a crash prevented.
/// </summary>
public sealed class NotificationOutboxInterceptor(IBackgroundJobClient jobs) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<Action> _toSchedule = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ResearchSecurityDbContext db)
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
                switch (entry.Entity)
                {
                    case NotificationEvent e:
                        var eventId = e.Id;
                        _toSchedule.Add(() => jobs.Enqueue<DispatchNotificationJob>(j => j.RunAsync(eventId, CancellationToken.None)));
                        break;
                    case EmailMessage { State: EmailState.Pending } m:
                        var messageId = m.Id;
                        _toSchedule.Add(() => jobs.Enqueue<SendEmailJob>(j => j.RunAsync(messageId, null, CancellationToken.None)));
                        break;
                    case WebhookDelivery d:
                        var deliveryId = d.Id;
                        _toSchedule.Add(() => jobs.Enqueue<DeliverWebhookJob>(j => j.RunAsync(deliveryId, null, CancellationToken.None)));
                        break;
                }
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Schedule();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _toSchedule.Clear();
        return Task.CompletedTask;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) _toSchedule.Clear();
        return Task.CompletedTask;
    }

    private void Schedule()
    {
        foreach (var schedule in _toSchedule) schedule();
        _toSchedule.Clear();
    }
}
