using Hangfire.Server;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Jobs;

public static class JobAttempts
{
    /// <summary>
    /// True when this execution is the last one the retry filter allows, so the job should record a visible failure
    /// before Hangfire moves it to Failed. Without a Hangfire context (direct calls) every attempt is the last.
    /// </summary>
    public static bool IsLast(PerformContext? context, JobsOptions options) =>
        context is null || context.GetJobParameter<int>("RetryCount") >= options.RetryAttempts;

    /// <summary>
    /// A progress-tracked job failed on its last attempt: its progress row says why (the administrator's progress bar
    /// shows it) and the trail records it. Whatever the failed attempt left tracked is discarded first.
    /// </summary>
    public static async Task RecordFinalFailureAsync(ResearchSecurityDbContext db, Guid progressId, Exception failure, AuditEventType failed,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await db.JobProgress.FindAsync([progressId], ct) is not { } progress) return;
        progress.Fail($"{failure.GetType().Name}: {failure.Message}", db.Clock.GetUtcNow());
        db.Audit(failed, nameof(JobProgress), progress.Id, null, null, progress.Error);
        await db.SaveChangesAsync(ct);
    }
}
