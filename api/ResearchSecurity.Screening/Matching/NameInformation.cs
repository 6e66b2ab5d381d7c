using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// How much a name form says on its own, measured once when the index is built. A name of one- or two-letter words
/// ("B", "S&T") or a Chinese name made only of generic words ("教育部重点实验室", Ministry of Education key laboratory)
/// could be anyone's: such forms never make a hit alone (acronyms have their own support rule, see the acronym rule of the engine).
/// </summary>
internal static class NameInformation
{
    /// <summary>Fewest Chinese characters a name must keep once its generic words are removed.</summary>
    public const int MinDistinctiveCjkChars = 2;

    /// <summary>Shortest Latin word that can carry a name.</summary>
    public const int MinWordLength = 3;

    // Chinese generic words, their Hangul readings (대학 of 大学), and the Korean ones (대학교).
    private static readonly string[] CjkGeneric = Lexicon.CjkGenericWords
        .Concat(Lexicon.CjkGenericWords.Select(HangulReadings.Read).OfType<string>()).Concat(Lexicon.HangulGenericWords)
        .Distinct().OrderByDescending(w => w.Length).ToArray();

    public static bool CanStandAlone(CompiledName name)
    {
        if (name.Acronym is not null) return true;
        if (name.Cjk.Length > 0) return DistinctiveCjkChars(name.Cjk) >= MinDistinctiveCjkChars;
        return name.Parts.SelectMany(p => p).Any(t => t.Length >= MinWordLength && !char.IsDigit(t[0]));
    }

    public static int DistinctiveCjkChars(string cjk)
    {
        var rest = cjk;
        foreach (var w in CjkGeneric) rest = rest.Replace(w, "\u0001", StringComparison.Ordinal);
        return rest.Count(TextNormalizer.IsCharacterScript);
    }
}
