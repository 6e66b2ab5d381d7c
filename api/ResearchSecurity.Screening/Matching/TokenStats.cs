using System.Collections.Frozen;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// What the loaded lists say about words: an IDF-like weight (a word in many listed names is weak evidence,
/// a rare one strong; organisation-type words are capped low), the vocabulary for glued-word repair, and a
/// deletion index that finds one-edit typos of long listed words in either direction.
/// </summary>
internal sealed class TokenStats
{
    public static readonly FrozenSet<string> LegalForms = new[]
    {
        "limited", "company", "inc", "incorporated", "llc", "plc", "jsc", "gmbh", "ag", "sa", "corp", "pjsc", "ojsc", "oao", "zao",
    }.Concat(Text.LegalForms.ClassTokens).ToFrozenSet();

    /// <summary>Trailing company words that inputs often leave out.</summary>
    public static readonly FrozenSet<string> CompanyWords = new[] { "group", "holding", "corporation", "company", "limited" }.ToFrozenSet();

    /// <summary>Shortest word that may be matched with one edit. Shorter place names differ by one letter (Hunan/Henan).</summary>
    public const int MinTypoLength = 7;

    private readonly Dictionary<string, double> _weights;
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);
    private readonly double _defaultWeight;
    private readonly Dictionary<string, List<string>> _byPrefix = new(StringComparer.Ordinal);
    /// <summary>The typo neighbours of the vocabulary's words that have any (<see cref="AddTypoNeighbours"/>).</summary>
    private readonly Dictionary<string, string[]> _knownNeighbours = new(StringComparer.Ordinal);

    /// <summary>Shortest abbreviation read as a contraction, and the letters it must share with the word's start.</summary>
    public const int MinContraction = 3;

    /// <summary>
    /// Words an unknown word may abbreviate, the way bibliographic databases shorten them (ISO 4 style: truncation or
    /// contraction keeping the first letters, "Chem" = chemical/chemistry, "Phys" = physics, "Technol" = technology):
    /// generic words only ("Unite" of "Unité" is no abbreviation of a listed brand "Unitree").
    /// </summary>
    public void AddContractionTargets(string token, List<string> into)
    {
        if (token.Length < MinContraction || !_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token.AsSpan(0, MinContraction), out var words)) return;
        foreach (var w in words)
            if (IsContraction(token, w)) into.Add(w);
    }

    public static bool IsContraction(string abbreviation, string word)
    {
        if (abbreviation.Length < MinContraction || word.Length < abbreviation.Length + 2) return false;
        if (!word.AsSpan().StartsWith(abbreviation.AsSpan(0, MinContraction))) return false;
        if (!Lexicon.GenericWords.Contains(word) && !Lexicon.OrgTypeWords.Contains(word)) return false;
        var k = 0;
        foreach (var c in word)
            if (k < abbreviation.Length && c == abbreviation[k]) k++;
        return k == abbreviation.Length;
    }

    public FrozenSet<string> Vocabulary { get; }
    public int DocumentCount { get; }
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; }
    /// <summary><see cref="DocumentFrequency"/> looked up by a span (a word pair written in a buffer).</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DocumentFrequencyBySpan { get; }

    public TokenStats(IEnumerable<IEnumerable<string>> names)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var name in names)
        {
            n++;
            foreach (var t in name.Distinct()) df[t] = df.GetValueOrDefault(t) + 1;
        }
        DocumentCount = Math.Max(n, 1);
        DocumentFrequency = df;
        DocumentFrequencyBySpan = df.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = new Dictionary<string, double>(df.Count, StringComparer.Ordinal);
        foreach (var (t, c) in df) _weights[t] = WeightFor(t, c);
        _defaultWeight = Math.Log(1 + DocumentCount); // unseen word: as rare as it gets
        Vocabulary = df.Keys.Concat(Lexicon.GenericWords).Concat(Lexicon.OrgTypeWords).ToFrozenSet(StringComparer.Ordinal);
        // Only generic words can be abbreviated (IsContraction), so only they are kept under their first letters.
        foreach (var w in Vocabulary.Where(w => w.Length >= MinContraction + 2 && char.IsAsciiLetter(w[0]) &&
                                                (Lexicon.GenericWords.Contains(w) || Lexicon.OrgTypeWords.Contains(w))))
        {
            if (!_byPrefix.TryGetValue(w[..MinContraction], out var list)) _byPrefix[w[..MinContraction]] = list = [];
            list.Add(w);
        }
        foreach (var t in df.Keys.Where(t => t.Length >= MinTypoLength && !char.IsDigit(t[0])))
        {
            AddDelete(t, t);
            for (var i = 0; i < t.Length; i++) AddDelete(t.Remove(i, 1), t);
        }
        // Most words of a text are known words: their neighbours are found once here, not for every text.
        foreach (var w in Vocabulary)
        {
            var neighbours = new List<string>();
            if (FindTypoNeighbours(w, neighbours)) _knownNeighbours[w] = [.. neighbours];
        }
    }

    private double WeightFor(string t, int df)
    {
        var idf = Math.Log(1 + (double)DocumentCount / df);
        if (Lexicon.OrgTypeWords.Contains(t) || LegalForms.Contains(t)) return Math.Min(idf, 0.3);
        if (Lexicon.GenericWords.Contains(t)) return Math.Min(idf, 0.8);
        return idf;
    }

    public double Weight(string token) => _weights.TryGetValue(token, out var w) ? w : _defaultWeight;

    public bool IsDistinctive(string token) =>
        !Lexicon.GenericWords.Contains(token) && !Lexicon.OrgTypeWords.Contains(token) && !LegalForms.Contains(token) && !char.IsDigit(token[0]);

    private void AddDelete(string key, string word)
    {
        if (!_deletes.TryGetValue(key, out var list)) _deletes[key] = list = [];
        if (!list.Contains(word)) list.Add(word);
    }

    /// <summary>Whether <paramref name="token"/> has a listed word one edit away.</summary>
    public bool HasTypoNeighbour(string token) => AddTypoNeighbours(token, null);

    /// <summary>
    /// Appends the listed words one edit (insert, delete, substitute, transpose) away from <paramref name="token"/> to
    /// <paramref name="found"/> in a fixed order (the word's own deletion entry, then one deletion at each position), each
    /// once; with no list, stops at the first. Returns whether any was found. Runs for every word of every text: the
    /// vocabulary's words were looked up at build, and the deleted forms of other words are looked up as spans.
    /// </summary>
    public bool AddTypoNeighbours(string token, List<string>? found)
    {
        if (_knownNeighbours.TryGetValue(token, out var known))
        {
            found?.AddRange(known);
            return true;
        }
        return !Vocabulary.Contains(token) && FindTypoNeighbours(token, found);
    }

    private bool FindTypoNeighbours(string token, List<string>? found)
    {
        if (token.Length < MinTypoLength - 1 || char.IsDigit(token[0])) return false;
        var start = found?.Count ?? 0;
        var any = false;
        if (_deletes.TryGetValue(token, out var a))
            foreach (var w in a)
                if (w != token)
                {
                    if (found is null) return true;
                    any |= AddOnce(found, start, w);
                }
        var deletes = _deletes.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> deleted = token.Length <= 256 ? stackalloc char[token.Length - 1] : new char[token.Length - 1];
        for (var i = 0; i < token.Length; i++)
        {
            token.AsSpan(0, i).CopyTo(deleted);
            token.AsSpan(i + 1).CopyTo(deleted[i..]);
            if (!deletes.TryGetValue(deleted, out var b)) continue;
            foreach (var w in b)
                if (w != token && IsOneEdit(token, w))
                {
                    if (found is null) return true;
                    any |= AddOnce(found, start, w);
                }
        }
        return any;
    }

    private static bool AddOnce(List<string> found, int start, string word)
    {
        for (var k = start; k < found.Count; k++)
            if (found[k] == word) return false;
        found.Add(word);
        return true;
    }

    /// <summary>
    /// A believable misspelling: one edit for words of 7+ letters, two edits for 8+ letters sharing their first three
    /// ("Hangzhao" for "Hangzhou"); never between two known place names (Shanxi/Shaanxi, Jiangsu/Jiangxi).
    /// </summary>
    public static bool IsTypo(string a, string b)
    {
        // The cheap shape checks first: the place look-ups only matter for pairs that could be typos at all.
        var oneEdit = IsOneEdit(a, b);
        if (!oneEdit && !(a.Length >= 8 && b.Length >= 8 && a.AsSpan(0, 3).SequenceEqual(b.AsSpan(0, 3)))) return false;
        if (CountryDetector.IsPlace(a) && CountryDetector.IsPlace(b)) return false;
        return oneEdit || Levenshtein(a, b, 2) <= 2;
    }

    private static int Levenshtein(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> prev = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> cur = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            var swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.Length];
    }

    /// <summary>One Damerau edit apart, long enough, same first letter (typos rarely hit the first letter).</summary>
    public static bool IsOneEdit(string a, string b)
    {
        if (a.Length < MinTypoLength - 1 || b.Length < MinTypoLength - 1 || Math.Max(a.Length, b.Length) < MinTypoLength) return false;
        if (a[0] != b[0] || Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        if (a.Length == b.Length)
        {
            int first = -1, diffs = 0;
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i]) { if (diffs++ == 0) first = i; if (diffs > 2) return false; }
            if (diffs == 1) return true;
            return diffs == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first];
        }
        var (s, l) = a.Length < b.Length ? (a, b) : (b, a);
        int si = 0, li = 0;
        var skipped = false;
        while (si < s.Length && li < l.Length)
        {
            if (s[si] == l[li]) { si++; li++; continue; }
            if (skipped) return false;
            skipped = true;
            li++;
        }
        return true;
    }
}
