using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Folds Chinese characters to one form so a Traditional-script text meets a Simplified list alias (北京航空航天大學 =
/// 北京航空航天大学). The table (Text/Data/traditional-simplified.tsv, embedded) is generated from ICU's
/// "Traditional-Simplified" transform (Unicode Unihan data, maintained by the ICU project, through ICU4N): every CJK
/// unified ideograph passed through it once, single-character results kept. It is shipped generated because building
/// it from ICU at start-up costs seconds; a test regenerates it and fails when ICU's data and the file differ.
/// </summary>
public static class ScriptFolding
{
    public const string ResourceName = "ResearchSecurity.Screening.Text.Data.traditional-simplified.tsv";

    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(Load);

    /// <summary>The folding pairs in use (for the consistency test).</summary>
    public static IReadOnlyDictionary<char, char> Table => TraditionalToSimplified.Value;

    public static char Fold(char c) => TraditionalToSimplified.Value.TryGetValue(c, out var s) ? s : c;

    public static string Fold(string cjk)
    {
        var table = TraditionalToSimplified.Value;
        StringBuilder? sb = null;
        for (var i = 0; i < cjk.Length; i++)
            if (table.TryGetValue(cjk[i], out var s))
            {
                sb ??= new StringBuilder(cjk);
                sb[i] = s;
            }
        return sb?.ToString() ?? cjk;
    }

    private static FrozenDictionary<char, char> Load()
    {
        using var stream = typeof(ScriptFolding).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
            if (line.Length == 3 && line[1] == '\t') table[line[0]] = line[2];
        return table.ToFrozenDictionary();
    }
}
