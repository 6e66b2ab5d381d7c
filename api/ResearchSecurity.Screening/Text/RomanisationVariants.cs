using System.Collections.Concurrent;
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

    /// <summary>Most distinct words whose key is remembered: texts repeat their words, and every word is keyed.</summary>
    private const int MaxCachedKeys = 50_000; // about 5 MB at most
    private static readonly ConcurrentDictionary<string, string> RussianKeys = new(StringComparer.Ordinal);
    private static int _cachedKeys;

    /// <summary>Folded stem of a (transliterated) Russian word: Борескова, Boreskova, Boreskov -> "boresk".</summary>
    public static string RussianKey(string word)
    {
        if (RussianKeys.TryGetValue(word, out var cached)) return cached;
        var key = ComputeRussianKey(word);
        // Counted here: ConcurrentDictionary.Count takes every lock of the table, and a miss happens for each new word.
        if (Volatile.Read(ref _cachedKeys) < MaxCachedKeys && RussianKeys.TryAdd(word, key)) Interlocked.Increment(ref _cachedKeys);
        return key;
    }

    private static string ComputeRussianKey(string word)
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
