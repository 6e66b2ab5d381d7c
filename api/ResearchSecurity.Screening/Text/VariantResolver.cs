using System.Collections.Frozen;

namespace ResearchSecurity.Screening.Text;

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
        return RomanisationVariants.PlaceOfAdjective(key) is { } place && _russian.TryGetValue(place, out var city) ? city : null;
    }
}
