using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// Puts a version in force and queues the re-screen that raises what it adds. The activation and the re-screen's
/// progress row are saved together; the Hangfire job follows the commit (the sweeper re-enqueues a queued progress
/// row that never got its job).
/// </summary>
public static class ListVersionActivation
{
    public static async Task<JobProgress> ActivateAsync(ResearchSecurityDbContext db, IBackgroundJobClient? jobs, Watchlist watchlist, ListVersion version,
        string actor, CancellationToken ct)
    {
        var previous = watchlist.ActiveVersionId is { } activeId && activeId != version.Id
            ? await db.ListVersions.FirstOrDefaultAsync(v => v.Id == activeId, ct)
            : null;
        var now = db.Clock.GetUtcNow();
        watchlist.Activate(version, previous, actor, now);
        var parameters = new RescreenParameters(watchlist.Id, version.Id, previous?.Id);
        var progress = JobProgress.Create(RescreenJob.Kind, $"Re-screen after activating {watchlist.Id} version {version.Number}",
            JsonSerializer.Serialize(parameters, JsonSerializerOptions.Web), now);
        db.JobProgress.Add(progress);
        db.Audit(AuditEventType.ListVersionActivated, nameof(ListVersion), version.Id, null, AuditChanges.Of(
            new { WatchlistId = watchlist.Id, ActiveVersion = previous?.Number },
            new { WatchlistId = watchlist.Id, ActiveVersion = version.Number, RescreenJob = progress.Id }));
        await db.SaveChangesAsync(ct);
        if (jobs is null) return progress; // the caller runs the re-screen itself (CLI benchmark)
        Enqueue(jobs, progress);
        await db.SaveChangesAsync(ct);
        return progress;
    }

    public static void Enqueue(IBackgroundJobClient jobs, JobProgress progress)
    {
        var id = progress.Id;
        progress.AttachHangfireJob(jobs.Enqueue<RescreenJob>(j => j.RunAsync(id, null, CancellationToken.None)));
    }
}
