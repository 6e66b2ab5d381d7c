using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Core.Jobs;

/// <summary>At worker start: registers the outbox sweep, the audit anchoring and the refresh schedule of every URL-sourced list (idempotent).</summary>
public sealed class RecurringJobsSetup(IServiceScopeFactory scopes, IRecurringJobManager recurring,
    Microsoft.Extensions.Options.IOptions<Audit.Anchoring.AuditAnchorOptions> anchor,
    Microsoft.Extensions.Options.IOptions<Notifications.NotificationOptions> notifications) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ScreeningSweepJob.Schedule(recurring);
        Audit.Anchoring.AnchorAuditChainJob.Schedule(recurring, anchor.Value);
        Notifications.NotificationSweepJob.Schedule(recurring);
        Notifications.SendDigestsJob.Schedule(recurring, notifications.Value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        foreach (var watchlist in await db.Watchlists.AsNoTracking().Where(w => w.Source == WatchlistSource.Url).ToListAsync(cancellationToken))
            RefreshWatchlistJob.Schedule(recurring, watchlist);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
