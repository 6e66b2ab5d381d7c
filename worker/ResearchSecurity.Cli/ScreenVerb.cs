using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchSecurity.Screening.Matching;

namespace ResearchSecurity.Cli;

/// <summary>
/// screen --lists &lt;files or folders&gt; --input &lt;jsonl with id, affiliation&gt; --output &lt;jsonl&gt;
///        [--as-of yyyy-MM-dd] [--threshold 0.8] [--index-path dir]
/// </summary>
internal static class ScreenVerb
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("lists") || (!args.Has("text") && (!args.Has("input") || !args.Has("output"))))
        {
            await Console.Error.WriteLineAsync("usage: screen --lists <files or folders> (--input <jsonl> --output <jsonl> | --text <text>) [--as-of yyyy-MM-dd] [--threshold 0.8] [--index-path dir]");
            return 2;
        }
        var asOf = args.One("as-of") is { } d ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var options = new ScreeningOptions();
        if (args.One("threshold") is { } t) options = options with { AlertThreshold = double.Parse(t, System.Globalization.CultureInfo.InvariantCulture) };

        var sw = Stopwatch.StartNew();
        var lists = ListLoader.Load(args.All("lists"));
        using var engine = ScreeningEngine.Build(lists, options, args.One("index-path"));
        await Console.Error.WriteLineAsync($"index: {engine.EntityCount} entities, {engine.NameCount} name forms, built in {sw.ElapsedMilliseconds} ms");

        if (args.Has("text"))
        {
            // One text to stdout, indented: handy for looking at explanations.
            var one = engine.Screen(string.Join(' ', args.All("text")), asOf);
            Console.WriteLine(JsonSerializer.Serialize(one.Select(ToJson), new JsonSerializerOptions(Json) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return 0;
        }
        var lines = (await File.ReadAllLinesAsync(args.Required("input"))).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        var output = new string[lines.Length];
        var done = 0;
        var withHits = 0;
        sw.Restart();
        Parallel.For(0, lines.Length, i =>
        {
            var node = JsonNode.Parse(lines[i])!;
            var id = node["id"]?.ToString() ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = node["affiliation"]?.ToString() ?? node["text"]?.ToString() ?? node["name"]?.ToString() ?? "";
            var hits = engine.Screen(text, asOf);
            if (hits.Count > 0) Interlocked.Increment(ref withHits);
            output[i] = JsonSerializer.Serialize(new { id, hits = hits.Select(ToJson) }, Json);
            var n = Interlocked.Increment(ref done);
            if (n % 1000 == 0) Console.Error.WriteLine($"  {n}/{lines.Length} screened");
        });
        var elapsed = sw.Elapsed.TotalSeconds;
        await File.WriteAllLinesAsync(args.Required("output"), output);
        await Console.Error.WriteLineAsync($"screened {lines.Length} texts in {elapsed:F2} s ({lines.Length / Math.Max(elapsed, 1e-9):F0}/s); {withHits} with hits -> {args.Required("output")}");
        return 0;
    }

    internal static object ToJson(ScreeningMatch m) => new
    {
        list = m.ListId,
        entityId = m.EntityId,
        name = m.Name,
        matchedName = m.MatchedName,
        segment = m.Segment,
        score = m.Score,
        status = m.Status.ToString().ToLowerInvariant(),
        explanation = m.Explanation,
    };
}
