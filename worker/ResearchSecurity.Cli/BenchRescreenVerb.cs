using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Cli;

/// <summary>
/// bench-rescreen --connection &lt;database seeded by seed-rescreen&gt; [--strategy EntityWordIndex|DeltaPrefilter|FullScan] [--batch 2000]
/// Activates §1286 FY2025 after FY2024 over the stored subjects and runs the re-screen job in this process, timing
/// it end to end (database reads and writes included). Every run starts from the same state. Numbers go to stderr;
/// run one process per strategy so peak memory is the re-screen's own.
/// </summary>
internal static class BenchRescreenVerb
{
    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("connection"))
        {
            await Console.Error.WriteLineAsync("usage: bench-rescreen --connection <cs> [--strategy EntityWordIndex|DeltaPrefilter|FullScan] [--batch 2000]");
            return 2;
        }
        var cs = args.Required("connection");
        var strategy = Enum.Parse<RescreenStrategy>(args.One("strategy") ?? nameof(RescreenStrategy.EntityWordIndex), ignoreCase: true);
        var options = new JobsOptions { RescreenStrategy = strategy, RescreenBatchSize = int.Parse(args.One("batch") ?? "2000", CultureInfo.InvariantCulture) };

        Guid progressId;
        await using (var db = CliDatabase.Open(cs, "bench"))
            progressId = await RescreenSetup.ActivateNextAsync(db, 2024, 2025, jobs: null);

        var sw = Stopwatch.StartNew();
        await using (var db = CliDatabase.Open(cs, "bench"))
        {
            using var lists = new ActiveListsProvider();
            var job = new RescreenJob(db, lists, Options.Create(new RiskOptions()), Options.Create(options), NullLogger<RescreenJob>.Instance);
            await job.RescreenAsync(progressId, CancellationToken.None);
        }
        var elapsed = sw.Elapsed;
        await using (var db = CliDatabase.Open(cs, "bench"))
        {
            var progress = await db.JobProgress.AsNoTracking().SingleAsync(j => j.Id == progressId);
            var hits = await db.ScreeningHits.CountAsync(h => h.WatchlistId == RescreenSetup.ListId);
            // Same fingerprint = the same (subject, field, entity, score) hits, whatever the strategy.
            var fingerprint = (await db.Database.SqlQuery<string>($@"SELECT coalesce(md5(string_agg(subject_id::text || field || entity_id || score::text, ',' ORDER BY subject_id, field, entity_id)), '')
                AS ""Value"" FROM screening_hits WHERE watchlist_id = {RescreenSetup.ListId}").ToListAsync()).Single();
            Console.Error.WriteLine(
                $"re-screen {strategy}: {progress.Total:N0} subjects in {elapsed.TotalSeconds:F1} s ({progress.Total / elapsed.TotalSeconds:N0}/s); " +
                $"{hits:N0} hits stored (fingerprint {fingerprint[..8]}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; " +
                $"{Environment.ProcessorCount} cores; result {progress.Result}");
        }
        return 0;
    }
}
