using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// Outbox recovery, every minute: a pending screening run or a queued re-screen that has waited far longer than the
/// coalescing delay lost its job (the process stopped between commit and enqueue); enqueue it again. Jobs are
/// idempotent, so a late duplicate does no harm.
/// </summary>
public sealed class ScreeningSweepJob(ResearchSecurityDbContext db, IBackgroundJobClient jobs, IOptions<JobsOptions> options)
{
    public const string RecurringJobId = "screening-sweep";

    public static void Schedule(IRecurringJobManager recurring) =>
        recurring.AddOrUpdate<ScreeningSweepJob>(RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

    public async Task RunAsync(CancellationToken ct)
    {
        var cutoff = db.Clock.GetUtcNow() - options.Value.StalePendingAfter;
        var runs = await db.ScreeningRuns.AsNoTracking().Where(r => r.Outcome == ScreeningOutcome.Pending && r.QueuedAt < cutoff)
            .OrderBy(r => r.QueuedAt).Select(r => r.Id).Take(1000).ToListAsync(ct);
        foreach (var id in runs) jobs.Enqueue<ScreenSubjectJob>(j => j.RunAsync(id, null, CancellationToken.None));
        var orphans = await db.JobProgress.Where(j => j.State == JobProgressState.Queued && j.HangfireJobId == null && j.CreatedAt < cutoff).ToListAsync(ct);
        foreach (var progress in orphans.Where(p => p.Kind == RescreenJob.Kind)) ListVersionActivation.Enqueue(jobs, progress);
        if (orphans.Count > 0) await db.SaveChangesAsync(ct);
    }
}
