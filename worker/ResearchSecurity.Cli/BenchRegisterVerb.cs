using System.Diagnostics;
using System.Globalization;
using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Registers;

namespace ResearchSecurity.Cli;

/// <summary>
/// bench-register --server &lt;PostgreSQL connection string without a database&gt; [--rows 100000] [--output file.xlsx]
/// Creates a scratch database with that many visiting researchers (one affiliation and one visit each, real noisy
/// affiliation strings), then exports the visiting-researchers register exactly as the API does (the same query and
/// SAX writer, to a file), timed. Memory is sampled every 20 ms during the export only, after a full collection, so the
/// seeding's garbage does not count, and the live managed heap by a full collection once a second: run it with 10,000
/// and with 100,000 rows to see whether memory grows with rows.
/// </summary>
internal static class BenchRegisterVerb
{
    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("server") && !args.Has("connection"))
        {
            await Console.Error.WriteLineAsync("usage: bench-register --server \"Host=...;Username=...\" [--rows 100000] [--output register.xlsx] [--connection <an earlier run's database>]");
            return 2;
        }
        var rows = int.Parse(args.One("rows") ?? "100000", CultureInfo.InvariantCulture);
        var output = args.One("output") ?? Path.Combine(Path.GetTempPath(), $"visitors-register-{rows}.xlsx");

        // --connection reuses a database an earlier run seeded (its name is printed), to repeat the export alone.
        var cs = args.One("connection");
        if (cs is null)
        {
            cs = await CliDatabase.CreateAsync(args.Required("server"), "rs_bench_register");
            await Console.Error.WriteLineAsync($"database: {cs}");
            var seeding = Stopwatch.StartNew();
            await SeedAsync(cs, rows);
            await Console.Error.WriteLineAsync($"stored {rows:N0} visitors in {seeding.Elapsed.TotalSeconds:F1} s (not part of the figure)");
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before, liveMax = liveBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // The working set also holds garbage the collector has not reclaimed yet; what the export really keeps is
            // the live managed heap, measured by a full collection once a second.
            for (var tick = 1; !sampling.IsCancellationRequested; tick++)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                if (tick % 50 == 0) liveMax = Math.Max(liveMax, GC.GetTotalMemory(forceFullCollection: true));
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        IReadOnlyList<int> counts;
        await using (var db = CliDatabase.Open(cs, "bench"))
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var sheet = args.Has("no-database")
                ? new RegisterSheet("Visiting researchers", VisitorRegister.Columns, Synthetic(rows))
                : VisitorRegister.Sheet(db.Visits, db.People);
            counts = await RegisterWorkbookWriter.WriteAsync(file, new RegisterExportInfo("Visiting researchers", db.Clock.GetUtcNow(), "bench", []),
                [sheet], CancellationToken.None);
        }
        sw.Stop();
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine($"register export: {counts[0]:N0} rows in {sw.Elapsed.TotalSeconds:F2} s ({counts[0] / sw.Elapsed.TotalSeconds:N0} rows/s), " +
            $"file {new FileInfo(output).Length / 1048576.0:F1} MB");
        Console.WriteLine($"memory: working set {before / 1048576.0:F0} MB before the export, peak {peak / 1048576.0:F0} MB during it " +
            $"(+{(peak - before) / 1048576.0:F0} MB); live managed heap {liveBefore / 1048576.0:F1} MB before, at most {liveMax / 1048576.0:F1} MB during it; " +
            $"{allocated / 1048576.0:F0} MB allocated in all (garbage, not held); process peak {process.PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }

    /// <summary>--no-database: the same row shape generated in memory, to tell the writer's cost from the query's.</summary>
    private static async IAsyncEnumerable<object?[]> Synthetic(int rows)
    {
        await Task.Yield();
        for (var i = 0; i < rows; i++)
            yield return [Guid.NewGuid().ToString(), $"Visitor {i}", null, $"visitor{i}@example.edu.cn", null, "Harbin Institute of Technology (CN)",
                "Department of Physics", "Prof. A. Smith", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), "China Scholarship Council", null];
    }

    private static async Task SeedAsync(string cs, int rows)
    {
        var affiliations = SubjectSeeder.RealAffiliations();
        var random = new Random(11);
        var now = TimeProvider.System.GetUtcNow();
        var start = new DateOnly(2026, 1, 5);
        for (var made = 0; made < rows;)
        {
            await using var db = CliDatabase.Open(cs, "seed");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 2000 && made < rows; i++, made++)
            {
                var person = Person.Create("seed", new PersonDetails($"Visitor {made}", null, $"visitor{made}@example.edu.cn", null, null), Declarations.NotAnswered, now);
                var text = affiliations[random.Next(affiliations.Length)];
                var visitStart = start.AddDays(random.Next(700));
                person.Update(person.Details, Declarations.NotAnswered,
                    [(null, new AffiliationDetails(text.Length > 1000 ? text[..1000] : text, "CN", AffiliationKind.Employment, null, null, true))],
                    [(null, new VisitDetails(null, "Department of Physics", "Prof. A. Smith", visitStart, visitStart.AddDays(30 + random.Next(300)), "China Scholarship Council"))],
                    null, now);
                db.People.Add(person);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }
}
