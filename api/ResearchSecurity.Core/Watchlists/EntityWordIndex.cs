using System.Text;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// The distinctive words of a few listed entities (the ones a list update added or changed), with one- and
/// two-deletion variants so typos still meet. A re-screen probes each stored subject's words against it, which is far
/// cheaper than running the matching engine on every text; only a subject that contains all distinctive words of
/// some listed name (one may be missing from names of three or more) goes to the engine. Words frequent across all
/// listed names ("university", "institute") do not count; a name made only of such words needs its rarest one.
/// </summary>
public sealed class EntityWordIndex
{
    private const int MinTypoLength = 5;
    private const int MinDoubleTypoLength = 9;
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _variants = new(StringComparer.Ordinal);
    private readonly List<int> _needed = [];
    private readonly string[] _longWords;

    /// <param name="affected">The entities whose matches the re-screen looks for.</param>
    /// <param name="all">Every listed entity in force, to tell generic words from distinctive ones.</param>
    public EntityWordIndex(IEnumerable<WatchlistEntity> affected, IEnumerable<WatchlistEntity> all, double genericShare = 0.03)
    {
        var allNames = all.SelectMany(Names).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in allNames)
            foreach (var w in Words(name).Distinct())
                frequency[w] = frequency.GetValueOrDefault(w) + 1;
        var generic = frequency.Where(kv => kv.Value > Math.Max(3, allNames.Count * genericShare)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var name in affected.SelectMany(Names))
        {
            var words = Words(name).Where(w => w.Length > 2).Distinct().ToList();
            var distinctive = words.Where(w => !generic.Contains(w)).ToList();
            if (distinctive.Count == 0 && words.Count > 0) distinctive = [words.MinBy(w => frequency.GetValueOrDefault(w))!];
            if (distinctive.Count == 0) continue;
            var id = _needed.Count;
            _needed.Add(distinctive.Count >= 3 ? distinctive.Count - 1 : distinctive.Count);
            foreach (var w in distinctive) Add(w, id);
        }
        _longWords = _postings.Keys.Where(w => w.Length >= 4).ToArray();
    }

    public int NameCount => _needed.Count;

    /// <summary>True when some field of the subject holds the distinctive words (or near-typos of them) of an affected entity's name.</summary>
    public bool MayMatch(ScreeningSubject subject)
    {
        foreach (var field in subject.Fields)
        {
            if (TextNormalizer.HasCjk(field.Text)) return true; // Chinese-script names are compared by the engine only
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in Words(field.Text))
            {
                if (_postings.ContainsKey(w)) found.Add(w);
                if (_variants.TryGetValue(w, out var originals)) found.UnionWith(originals);
                if (w.Length >= MinTypoLength)
                    foreach (var d in Deletions(w, twice: false))
                    {
                        if (_postings.ContainsKey(d)) found.Add(d);
                        if (_variants.TryGetValue(d, out var viaVariant)) found.UnionWith(viaVariant);
                    }
                // Words glued together in the text ("beihanguniversity") contain a listed word.
                if (w.Length >= 12) found.UnionWith(_longWords.Where(l => w.Contains(l, StringComparison.Ordinal)));
            }
            if (found.Count == 0) continue;
            var counts = new Dictionary<int, int>();
            foreach (var w in found)
                foreach (var id in _postings[w])
                    if ((counts[id] = counts.GetValueOrDefault(id) + 1) >= _needed[id]) return true;
        }
        return false;
    }

    private void Add(string word, int nameId)
    {
        if (!_postings.TryGetValue(word, out var ids)) _postings[word] = ids = [];
        if (!ids.Contains(nameId)) ids.Add(nameId);
        if (word.Length < MinTypoLength) return;
        foreach (var d in Deletions(word, twice: word.Length >= MinDoubleTypoLength))
        {
            if (!_variants.TryGetValue(d, out var originals)) _variants[d] = originals = new HashSet<string>(StringComparer.Ordinal);
            originals.Add(word);
        }
    }

    // Listed words get one- and two-deletion variants; text words only one, which keeps the probe cheap.
    private static IEnumerable<string> Deletions(string word, bool twice)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var once = word.Remove(i, 1);
            yield return once;
            if (!twice) continue;
            for (var j = i; j < once.Length; j++) yield return once.Remove(j, 1);
        }
    }

    private static IEnumerable<string> Names(WatchlistEntity e) =>
        new[] { e.Name }.Concat(e.Aliases).Concat(e.WeakAliases).Concat(e.PreviousNames)
            .Concat(e.Children.SelectMany(c => c.Aliases.Prepend(c.Name)));

    /// <summary>Lower-case words of letters and digits; diacritics, apostrophes and glued camel case handled like the engine.</summary>
    internal static List<string> Words(string text)
    {
        var clean = IsAscii(text) ? text : TextNormalizer.Clean(text);
        var words = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (c is '\'' or '\u2019') continue;
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (char.IsUpper(c) && i > 0 && char.IsLower(clean[i - 1]) && i + 1 < clean.Length && char.IsLower(clean[i + 1])) Flush();
            sb.Append(char.ToLowerInvariant(c));
        }
        Flush();
        return words;

        void Flush()
        {
            if (sb.Length > 0) words.Add(sb.ToString());
            sb.Clear();
        }
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }
}
