using System.Collections.Frozen;
using System.Text;

namespace ResearchSecurity.Screening.Text;

/// <summary>
/// Comparison keys under which romanisations of one word meet. Russian (<see cref="RussianKey"/>): the letters the common
/// systems write differently folded (BGN/PCGN "kh", "ts", "ye", "ya" vs ISO 9 / scholarly "h", "c", "e", "ja"/"ia"), then
/// the case or adjective ending stripped (Text/Data/generic-words.tsv), so Moskovskiy = Moskovsky = Moskovskii and
/// Rzhanova = Rzhanov. Persian (<see cref="ConsonantKey"/>): written without short vowels, so a romanisation is compared
/// by its consonants (شریف "shryf" = Sharif, حسین "hsyn" = Hossein = Hussein).
/// </summary>
public static class RomanisationVariants
{
    /// <summary>Shortest stem a Russian key keeps ("tela" -> "tel"); shorter words are compared whole.</summary>
    public const int MinStem = 3;

    private static readonly (string From, string To)[] RussianFolds =
    [
        ("shch", "sch"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ja", "ya"), ("ju", "yu"), ("je", "e"), ("ye", "e"),
        ("yo", "e"), ("ia", "ya"), ("iu", "yu"),
    ];

    private static readonly Lazy<string[]> Endings = new(() => GenericWords.RussianEndings
        .Select(FoldRussian).Distinct().OrderByDescending(e => e.Length).ToArray());

    public static string FoldRussian(string word)
    {
        var s = word;
        foreach (var (from, to) in RussianFolds)
            if (s.Contains(from, StringComparison.Ordinal)) s = s.Replace(from, to, StringComparison.Ordinal);
        return s;
    }

    /// <summary>Folded stem of a (transliterated) Russian word: Борескова, Boreskova, Boreskov -> "boreskov".</summary>
    public static string RussianKey(string word)
    {
        var s = FoldRussian(word);
        foreach (var e in Endings.Value)
            if (s.Length - e.Length >= MinStem && s.EndsWith(e, StringComparison.Ordinal)) return s[..^e.Length];
        return s;
    }

    /// <summary>
    /// A place adjective's place: "tomsk" of Tomskiy, "kazan" of Kazanskiy (Russian forms adjectives of places with -sk-).
    /// </summary>
    public static string? PlaceOfAdjective(string key) =>
        key.Length >= MinStem + 4 && key.EndsWith("sk", StringComparison.Ordinal) ? key[..^2] : null;

    /// <summary>Consonant skeleton: vowels (and the vowel letters y, w, v of Persian) dropped, "gh" = "q", doubles once.</summary>
    public static string ConsonantKey(string word)
    {
        var s = word.Replace("gh", "q", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'v') continue;
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>
/// Finds the listed word a romanised or inflected word stands for, from the vocabulary of the loaded lists: the Latin
/// transliterations the lists carry are the only authority ("Борескова" is Boreskov because a list writes Boreskov).
/// Only words long enough to be distinctive, and only when one listed word (or the most frequent of a few) has the key.
/// </summary>
public sealed class VariantResolver
{
    /// <summary>Shortest listed word met through a key.</summary>
    public const int MinListedLength = 5;
    /// <summary>Shortest consonant skeleton compared (Persian).</summary>
    public const int MinConsonants = 3;

    private readonly FrozenDictionary<string, string> _russian;
    private readonly FrozenDictionary<string, string> _consonants;

    public VariantResolver(IEnumerable<(string Word, int Frequency)> listedWords, Func<string, bool> isDistinctive)
    {
        var russian = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var consonants = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var (w, f) in listedWords)
        {
            if (w.Length < MinListedLength || !isDistinctive(w) || !w.All(char.IsAsciiLetterLower)) continue;
            Keep(russian, RomanisationVariants.RussianKey(w), w, f);
            var c = RomanisationVariants.ConsonantKey(w);
            if (c.Length >= MinConsonants) Keep(consonants, c, w, f);
        }
        _russian = russian.ToFrozenDictionary(p => p.Key, p => p.Value.Item1, StringComparer.Ordinal);
        _consonants = consonants.ToFrozenDictionary(p => p.Key, p => p.Value.Item1, StringComparer.Ordinal);
    }

    // Most frequent listed word per key, then the alphabetically first: deterministic.
    private static void Keep(Dictionary<string, (string Word, int Frequency)> index, string key, string word, int frequency)
    {
        if (!index.TryGetValue(key, out var cur) || frequency > cur.Frequency ||
            (frequency == cur.Frequency && string.CompareOrdinal(word, cur.Word) < 0))
            index[key] = (word, frequency);
    }

    /// <summary>The listed word an unknown word stands for, or null.</summary>
    public string? Resolve(string word, string? script)
    {
        if (script == "fa")
        {
            var c = RomanisationVariants.ConsonantKey(word);
            return c.Length >= MinConsonants && _consonants.TryGetValue(c, out var p) ? p : null;
        }
        // Russian written in Cyrillic or already in Latin letters ("Rzhanova", "Moskovsky").
        var minLength = script == "ru" ? MinListedLength - 1 : MinListedLength;
        if (word.Length < minLength) return null;
        var key = RomanisationVariants.RussianKey(word);
        if (_russian.TryGetValue(key, out var listed) && listed != word) return listed;
        return script == "ru" && RomanisationVariants.PlaceOfAdjective(key) is { } place && _russian.TryGetValue(place, out var city) ? city : null;
    }
}
