using System.Collections.Frozen;
using System.Text;
using ICU4N.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Folds Chinese characters to one form so a Traditional-script text meets a Simplified list alias (北京航空航天大學 =
/// 北京航空航天大学). The table comes from ICU's "Traditional-Simplified" transform (Unicode Unihan data, maintained by
/// the ICU project and shipped in ICU4N): every CJK unified ideograph is passed through it once, and the single-character
/// results are kept as a lookup, so screening never calls ICU and stays thread-safe.
/// </summary>
public static class ScriptFolding
{
    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(BuildTable);

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

    private static FrozenDictionary<char, char> BuildTable()
    {
        var source = new StringBuilder();
        for (var c = '\u4E00'; c <= '\u9FFF'; c++) source.Append(c).Append(' ');
        for (var c = '\u3400'; c <= '\u4DBF'; c++) source.Append(c).Append(' ');
        for (var c = '\uF900'; c <= '\uFAFF'; c++) source.Append(c).Append(' ');
        var folded = Transliterator.GetInstance("Traditional-Simplified").Transliterate(source.ToString());
        var from = source.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var to = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<char, char>();
        if (from.Length == to.Length)
            for (var i = 0; i < from.Length; i++)
                if (to[i].Length == 1 && to[i][0] != from[i][0]) table[from[i][0]] = to[i][0];
        return table.ToFrozenDictionary();
    }
}
