using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Folds Chinese characters to one form so a Traditional-script text meets a Simplified list alias (北京航空航天大學 =
/// 北京航空航天大学). The table (Text/Data/traditional-simplified.tsv, embedded) is generated from ICU's
/// "Traditional-Simplified" transform (Unicode Unihan data, maintained by the ICU project, through ICU4N): every CJK
/// unified ideograph passed through it once, single-character results kept. It is shipped generated because building
/// it from ICU at start-up costs seconds; a test regenerates it and fails when ICU's data and the file differ.
/// Japanese shinjitai forms go to their Traditional form first (哈爾浜 -> 哈爾濱 -> 哈尔滨), from OpenCC's Japanese
/// variant dictionary (Text/Data/japanese-traditional.tsv, generated with OpenCC's jp2t, Apache-2.0).
/// </summary>
public static class ScriptFolding
{
    public const string ResourceName = "ResearchSecurity.Screening.Text.Data.traditional-simplified.tsv";
    public const string JapaneseResourceName = "ResearchSecurity.Screening.Text.Data.japanese-traditional.tsv";

    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(() => Load(ResourceName));

    private static readonly Lazy<FrozenDictionary<char, char>> Folding = new(() =>
    {
        var table = TraditionalToSimplified.Value.ToDictionary();
        foreach (var (japanese, traditional) in Load(JapaneseResourceName))
        {
            var simplified = TraditionalToSimplified.Value.GetValueOrDefault(traditional, traditional);
            if (simplified != japanese) table.TryAdd(japanese, simplified);
        }
        return table.ToFrozenDictionary();
    });

    /// <summary>The Traditional -> Simplified pairs from ICU (for the consistency test).</summary>
    public static IReadOnlyDictionary<char, char> Table => TraditionalToSimplified.Value;

    public static char Fold(char c) => Folding.Value.TryGetValue(c, out var s) ? s : c;

    public static string Fold(string cjk)
    {
        var table = Folding.Value;
        StringBuilder? sb = null;
        for (var i = 0; i < cjk.Length; i++)
            if (table.TryGetValue(cjk[i], out var s))
            {
                sb ??= new StringBuilder(cjk);
                sb[i] = s;
            }
        return sb?.ToString() ?? cjk;
    }

    private static FrozenDictionary<char, char> Load(string resourceName)
    {
        using var stream = typeof(ScriptFolding).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
            if (line.Length == 3 && line[1] == '\t') table[line[0]] = line[2];
        return table.ToFrozenDictionary();
    }
}
