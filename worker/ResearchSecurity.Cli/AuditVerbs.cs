using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Cli;

/// <summary>
/// Database verbs for the audit trail:
///   verify-audit [--connection CS] [--digests DIR --key PUBLIC.pem]
///                                                       walk the hash chain (and check it against the signed digests); exit 2 when broken
///   bench-audit --connection CS [--events N] [--api URL --writes N --concurrency N]
/// The connection defaults to ConnectionStrings__Default. bench-audit migrates the database it is given, so point it
/// at a scratch database.
/// </summary>
internal static class AuditVerbs
{
    public static async Task<int> Verify(string[] argv)
    {
        var args = new CliArgs(argv);
        await using var db = Open(args);
        Core.Audit.Anchoring.AuditAnchorSet? anchors = null;
        if (args.One("digests") is { } digests)
        {
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportFromPem(await File.ReadAllTextAsync(args.One("key") ?? throw new ArgumentException("--digests needs --key <public key PEM>")));
            anchors = Core.Audit.Anchoring.AuditAnchorSet.Load(digests, key);
        }
        var result = await AuditChainVerifier.VerifyAsync(db, TimeProvider.System, anchors);
        Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return result.Intact ? 0 : 2;
    }

    public static async Task<int> Bench(string[] argv)
    {
        var args = new CliArgs(argv);
        var events = int.Parse(args.One("events") ?? "100000");
        await using (var db = Open(args)) await db.Database.MigrateAsync();

        if (args.One("api") is { } api)
            await BenchApiWrites(api, int.Parse(args.One("writes") ?? "2000"), int.Parse(args.One("concurrency") ?? "8"));

        long existing;
        await using (var db = Open(args)) existing = await db.AuditEvents.LongCountAsync();
        var toAdd = Math.Max(0, events - existing);
        var watch = Stopwatch.StartNew();
        for (long written = 0; written < toAdd;)
        {
            await using var db = Open(args);
            var batch = (int)Math.Min(1000, toAdd - written);
            for (var i = 0; i < batch; i++)
            {
                var subject = Guid.NewGuid();
                db.Audit(AuditEventType.ProposalUpdated, "Proposal", subject, subject,
                    AuditChanges.Of(new { Title = $"Draft {written + i}" }, new { Title = $"Quantum sensing with partner {written + i}" }, ["details"]));
            }
            await db.SaveChangesAsync();
            written += batch;
            if (written % 20000 < batch) Console.Error.WriteLine($"  appended {written}/{toAdd}");
        }
        if (toAdd > 0)
            Console.Error.WriteLine($"append (direct, batches of 1000): {toAdd} events in {watch.Elapsed.TotalSeconds:0.0} s = {toAdd / watch.Elapsed.TotalSeconds:0} events/s");

        await using (var db = Open(args))
        {
            var result = await AuditChainVerifier.VerifyAsync(db, TimeProvider.System);
            Console.Error.WriteLine($"verify: {result.EventsChecked} events in {result.Elapsed.TotalSeconds:0.00} s, intact={result.Intact}; " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
        return 0;
    }

    /// <summary>Creates people through the API with the development sign-in: one record and one audit event per write.</summary>
    private static async Task BenchApiWrites(string api, int writes, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "bench-audit");
        http.DefaultRequestHeaders.Add("X-Dev-Roles", "Investigator");
        var next = 0;
        var failures = 0;
        var latencies = new List<double>(writes);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= writes)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await http.PostAsJsonAsync("/api/v1/people", new
                {
                    name = $"Bench Researcher {next}",
                    affiliations = new[] { new { organisationName = "Department of Physics, Example University", country = "DE", kind = "Employment" } },
                });
                lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }));
        latencies.Sort();
        Console.Error.WriteLine($"API writes with audit: {writes} in {watch.Elapsed.TotalSeconds:0.0} s = {writes / watch.Elapsed.TotalSeconds:0} writes/s " +
            $"(concurrency {concurrency}, p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} ms, failures {failures})");
    }

    private static ResearchSecurityDbContext Open(CliArgs args) => CliDatabase.Open(CliDatabase.ConnectionString(args), "cli");
}
