using Hangfire.Server;
using Microsoft.Extensions.Logging;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// Screens a batch of pending runs one after another in one job, for saves that queue many runs at once (a bulk import
/// of visitors): a few dozen job deliveries instead of one per run, which is what made scheduling — not screening — the
/// cost of a large import. Each run goes through <see cref="ScreenSubjectJob"/> exactly as a single run would, so it
/// stays idempotent: a retry of the batch skips the runs already done, and a run that fails does not stop the others.
/// </summary>
public sealed class ScreenRunBatchJob(ScreenSubjectJob single, ResearchSecurityDbContext db, ILogger<ScreenRunBatchJob> log)
{
    public async Task RunAsync(Guid[] runIds, PerformContext? context, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var runId in runIds)
        {
            ct.ThrowIfCancellationRequested();
            try { await single.RunAsync(runId, context, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Screening run {RunId} of a batch failed; the batch goes on and is retried for it", runId);
                failures.Add(ex);
            }
            // One context serves the whole batch: forget each run's records before the next.
            db.ChangeTracker.Clear();
        }
        if (failures.Count > 0) throw new AggregateException($"{failures.Count} of {runIds.Length} screening runs failed.", failures);
    }
}
