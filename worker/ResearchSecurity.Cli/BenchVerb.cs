using System.Diagnostics;
using System.Text.Json.Nodes;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Cli;

/// <summary>
/// bench --lists &lt;files or folders&gt; --input &lt;jsonl with affiliation&gt; [--passes 3] [--synthetic 1000000] [--index-path dir]
/// Throughput on one core and on all cores, p50/p99 latency, index build time and memory; then the same over
/// synthetic lists of growing size to show how cost grows with list size. Not a test: numbers go to stderr.
/// </summary>
internal static class BenchVerb
{
    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("lists") || !args.Has("input"))
        {
            await Console.Error.WriteLineAsync("usage: bench --lists <files or folders> --input <jsonl> [--passes 3] [--synthetic 1000000] [--index-path dir]");
            return 2;
        }
        var passes = int.Parse(args.One("passes") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var texts = (await File.ReadAllLinesAsync(args.Required("input")))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonNode.Parse(l)!["affiliation"]?.ToString() ?? "").ToArray();
        var lists = ListLoader.Load(args.All("lists"));
        Console.Error.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Measure("real lists", lists, texts, passes, args.One("index-path"));

        if (args.One("synthetic") is { } synth)
        {
            var max = int.Parse(synth, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var size in new[] { 10_000, 100_000, max }.Where(s => s <= max).Distinct())
            {
                var synthetic = SyntheticList.Generate(size, seed: 42);
                Measure($"synthetic {size:N0} names + real lists", [.. lists, synthetic], texts, 1,
                        args.One("index-path") is { } p ? Path.Combine(p, $"synthetic-{size}") : null);
            }
        }
        return 0;
    }

    private static void Measure(string label, List<Watchlist> lists, string[] texts, int passes, string? indexPath)
    {
        GC.Collect();
        var memBefore = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        using var engine = ScreeningEngine.Build(lists, new ScreeningOptions(), indexPath);
        var build = sw.Elapsed;
        var memAfter = GC.GetTotalMemory(true);
        // Warm-up until tiered compilation has settled: at least three passes, then until a whole pass compiles no method
        // (at most 30). On a busy machine the background tier-up runs late, and a latency measured while it still swaps
        // code in is the JIT's, not the engine's (p99 3 ms instead of 0.3 ms in alternating runs).
        var warmUp = 0;
        while (warmUp < 30)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var t in texts) engine.Screen(t);
            if (++warmUp >= 3 && System.Runtime.JitInfo.GetCompiledMethodCount() == compiled) break;
        }

        var latencies = new List<double>(texts.Length * passes);
        sw.Restart();
        for (var p = 0; p < passes; p++)
            foreach (var t in texts)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Screen(t);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        var single = latencies.Count / sw.Elapsed.TotalSeconds;

        sw.Restart();
        var total = 0;
        for (var p = 0; p < passes; p++)
        {
            Parallel.ForEach(texts, t => engine.Screen(t));
            total += texts.Length;
        }
        var parallel = total / sw.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.Error.WriteLine(
            $"{label}: {engine.EntityCount:N0} entities, {engine.NameCount:N0} name forms; index build {build.TotalSeconds:F2} s; " +
            $"warm-up {warmUp} passes; " +
            $"engine memory ~{(memAfter - memBefore) / 1048576.0:F0} MB; " +
            $"1 core {single:F0}/s, {Environment.ProcessorCount} cores {parallel:F0}/s; " +
            $"p50 {Percentile(latencies, 0.50):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    private static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
