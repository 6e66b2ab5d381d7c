using System.Globalization;
using System.Text;
using ResearchSecurity.Screening.Matching;

namespace ResearchSecurity.Cli;

/// <summary>
/// compare --input &lt;csv with name1,name2&gt; --output &lt;csv adding score&gt; [--lists files...]
/// Scores two organisation names directly and decides match/no-match at the engine's CompareMatchThreshold.
/// Word weights come from the lists when given (rare words count more).
/// </summary>
internal static class CompareVerb
{
    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("input") || !args.Has("output"))
        {
            await Console.Error.WriteLineAsync("usage: compare --input <csv name1,name2> --output <csv> [--lists <files or folders>]");
            return 2;
        }
        using var engine = ScreeningEngine.Build(ListLoader.Load(args.All("lists")), new ScreeningOptions());
        var lines = await File.ReadAllLinesAsync(args.Required("input"));
        var output = new StringBuilder();
        var rows = 0;
        var header = lines.Length > 0 && lines[0].Replace(" ", "").StartsWith("name1,name2", StringComparison.OrdinalIgnoreCase);
        output.AppendLine(header ? lines[0].TrimEnd() + ",score,decision" : "name1,name2,score,decision");
        foreach (var line in lines.Skip(header ? 1 : 0))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = SplitCsv(line);
            if (fields.Count < 2) { await Console.Error.WriteLineAsync($"skipped (needs two names): {line}"); continue; }
            var score = engine.Compare(fields[0], fields[1]);
            var decision = engine.IsSameOrganisation(score) ? "match" : "no-match";
            output.AppendLine(line.TrimEnd() + "," + score.ToString("0.####", CultureInfo.InvariantCulture) + "," + decision);
            if (++rows % 1000 == 0) Console.Error.WriteLine($"  {rows} pairs");
        }
        await File.WriteAllTextAsync(args.Required("output"), output.ToString());
        await Console.Error.WriteLineAsync($"compared {rows} pairs (match at score >= {engine.Options.CompareMatchThreshold}) -> {args.Required("output")}");
        return 0;
    }

    // Two quoted-or-plain CSV fields are all this verb needs.
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
