using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Sino-Korean readings of Chinese characters (Text/Data/hangul-readings.tsv, generated from the Unicode Unihan database:
/// kHangul, the reading taught in Korean schools first; Simplified characters through their Traditional variant), so a
/// listed Chinese name also has the Hangul form Korean texts write it in (北京航空航天大学 -> 북경항공항천대학). Only
/// this direction is deterministic: one Hangul syllable stands for many characters. Korean often writes Chinese place
/// names by their Mandarin sound instead (하얼빈 for 哈尔滨, not 합이빈); no maintained table gives those.
/// </summary>
public static class HangulReadings
{
    public const string ResourceName = "ResearchSecurity.Screening.Text.Data.hangul-readings.tsv";

    private static readonly Lazy<FrozenDictionary<char, char>> Table = new(() =>
    {
        using var stream = typeof(HangulReadings).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
            if (line.Length == 3 && line[1] == '\t') table[line[0]] = line[2];
        return table.ToFrozenDictionary();
    });

    public static int Count => Table.Value.Count;

    /// <summary>The Hangul reading of a Chinese-character string, or null when a character has none.</summary>
    public static string? Read(string cjk)
    {
        var table = Table.Value;
        var sb = new StringBuilder(cjk.Length);
        foreach (var c in cjk)
        {
            if (!table.TryGetValue(c, out var h)) return null;
            sb.Append(h);
        }
        return sb.ToString();
    }
}
