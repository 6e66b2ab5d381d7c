using System.Text;
using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>One labelled pair of organisation names: the same organisation (<see cref="Same"/>) or two different ones.</summary>
public sealed record NamePair(string Name1, string Name2, bool Same, string Class);

/// <summary>
/// A name-pair benchmark derived programmatically from the real lists, never typed by hand: positives are the names
/// one entity carries (aliases, previous names, CSL <c>alt_names</c>, acronyms), negatives the closest canonical name
/// of a different entity (sharing words with it, not the same institution on another list, not its parent or child).
/// Nothing here is copied into the repository; it is rebuilt from ../shared/data each run.
/// </summary>
public static class NamePairSet
{
    /// <summary>An English name against its Chinese-script alias.</summary>
    public const string CrossScriptClass = "alias, Chinese script";

    /// <summary>
    /// An alias that shares no word with the name ("Wuhan Radar Institute" for Air Force Early Warning Academy; §1286
    /// lists a group's institutes as its aliases): only list knowledge links them, which screening has and a string
    /// comparer does not. Reported, kept out of the headline figure.
    /// </summary>
    public const string UnrelatedClass = "alias sharing no word";

    /// <summary>Classes a comparer of two strings can decide from the strings alone.</summary>
    public static bool Decidable(NamePair p) => p.Class is not (CrossScriptClass or UnrelatedClass);

    public static readonly string[] ListFiles =
    [
        "aspi-china-defence-universities.json", "ftm/us-dod-section-1286.ftm.jsonl", "ftm/us-dod-1260h.ftm.jsonl",
        "us-trade-csl-sample.csv",
    ];

    public static IReadOnlyList<Watchlist> LoadLists() => ListFiles.Select(f =>
    {
        using var s = File.OpenRead(SharedData.Watchlist(f));
        return WatchlistImport.Import(s, Path.GetFileName(f), ImportMode.Lenient).List ?? throw new InvalidOperationException(f);
    }).ToList();

    public static List<NamePair> Build(IReadOnlyList<Watchlist> lists)
    {
        var entities = lists.SelectMany(l => l.Entities)
            .Where(e => !e.Categories.Any(c => c is "Individual" or "Vessel")) // organisations only
            .GroupBy(e => (e.ListId, e.EntityId)).Select(g => g.First()).ToList();
        var pairs = new List<NamePair>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string a, string b, bool same, string cls)
        {
            a = a.Trim(); b = b.Trim();
            if (a.Length == 0 || b.Length == 0 || Fold(a) == Fold(b)) return;
            var key = string.CompareOrdinal(Fold(a), Fold(b)) < 0 ? Fold(a) + "|" + Fold(b) : Fold(b) + "|" + Fold(a);
            if (seen.Add(key)) pairs.Add(new NamePair(a, b, same, cls));
        }
        foreach (var e in entities)
        {
            var canonical = Latin(e.Name);
            foreach (var a in e.Aliases) Add(canonical, Latin(a), true, IsAcronym(a) ? "acronym" : ScriptClass(a, SharesWord(canonical, a) ? "alias" : UnrelatedClass));
            foreach (var p in e.PreviousNames) Add(canonical, Latin(p), true, SharesWord(canonical, p) ? "previous name" : UnrelatedClass);
            foreach (var w in e.WeakAliases) Add(canonical, w, true, "acronym");
        }
        // Same institution on two lists, or parent/child: neither a positive nor a fair negative.
        var sameOrg = new HashSet<(string, string)>();
        var byName = new Dictionary<string, List<WatchlistEntity>>(StringComparer.Ordinal);
        foreach (var e in entities)
            foreach (var n in NamesOf(e))
                (byName.TryGetValue(OrgKey(n), out var l) ? l : byName[OrgKey(n)] = []).Add(e);
        foreach (var group in byName.Values)
            foreach (var x in group) foreach (var y in group) sameOrg.Add((x.EntityId, y.EntityId));
        foreach (var e in entities.Where(e => e.ParentId is not null))
        {
            sameOrg.Add((e.EntityId, e.ParentId!));
            sameOrg.Add((e.ParentId!, e.EntityId));
        }
        var words = entities.ToDictionary(e => e, e => Words(Latin(e.Name)));
        var df = words.Values.SelectMany(w => w).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        foreach (var e in entities)
        {
            var mine = words[e];
            if (mine.Count == 0) continue;
            var best = entities.Where(o => o != e && !sameOrg.Contains((e.EntityId, o.EntityId)))
                .Select(o => (Other: o, Overlap: words[o].Intersect(mine).Sum(w => 1.0 / df[w]) / Math.Max(1, words[o].Union(mine).Count())))
                .Where(x => x.Overlap > 0).OrderByDescending(x => x.Overlap).ThenBy(x => x.Other.Name, StringComparer.Ordinal).Take(2);
            foreach (var (other, _) in best) Add(Latin(e.Name), Latin(other.Name), false, "close name, other entity");
        }
        return pairs;
    }

    /// <summary>F1 with its precision and recall at one threshold.</summary>
    public static (double Precision, double Recall, double F1) Score(IEnumerable<(bool Same, double Score)> scored, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (same, score) in scored)
        {
            var match = score >= threshold;
            if (match && same) tp++;
            else if (match) fp++;
            else if (same) fn++;
        }
        var p = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var r = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /// <summary>Lowest precision a chosen threshold may give: near the precision screening is held to on the development set (0.99).</summary>
    public const double MinPrecision = 0.98;

    /// <summary>The threshold (among the scores seen) with the best F1 whose precision is at least <see cref="MinPrecision"/>.</summary>
    public static double BestThreshold(IReadOnlyList<(bool Same, double Score)> scored) =>
        scored.Select(s => s.Score).Where(s => s > 0).Distinct().OrderBy(s => s)
            .Select(t => (T: t, Figures: Score(scored, t))).Where(x => x.Figures.Precision >= MinPrecision)
            .OrderByDescending(x => x.Figures.F1).ThenBy(x => x.T).Select(x => x.T).FirstOrDefault(1.0);

    public static string ToCsv(IEnumerable<NamePair> pairs)
    {
        static string Q(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
        var sb = new StringBuilder("name1,name2,same,class\n");
        foreach (var p in pairs) sb.Append(Q(p.Name1)).Append(',').Append(Q(p.Name2)).Append(',').Append(p.Same ? "1" : "0").Append(',').Append(Q(p.Class)).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<string> NamesOf(WatchlistEntity e) =>
        new[] { e.Name }.Concat(e.Aliases).Concat(e.PreviousNames).Select(Latin).Where(n => n.Length > 0);

    // "Beihang University (北京航空航天大学)": the Latin part, as the other lists write it.
    private static string Latin(string name)
    {
        var cut = name.IndexOfAny(['(', '\uFF08']);
        var head = cut > 0 && name[cut..].Any(c => c >= '\u4E00' && c <= '\u9FFF') ? name[..cut] : name;
        return head.Trim();
    }

    private static string ScriptClass(string name, string latinClass) =>
        name.Any(c => c >= '\u4E00' && c <= '\u9FFF') ? CrossScriptClass : name.Any(c => c is >= '\u0400' and <= '\u04FF') ? "alias, Cyrillic" : latinClass;

    private static bool IsAcronym(string s) => s.Trim().Length is >= 2 and <= 8 && s.Trim().All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&');

    private static readonly HashSet<string> LegalWords = ["co", "ltd", "limited", "inc", "corp", "corporation", "company", "llc", "plc", "group"];

    // One organisation written two ways across lists or editions: brackets and trailing legal words left out
    // ("China SpaceSat Co." / "China SpaceSat Co., Ltd.", "... Group Co., Ltd. (Inner Mongolia)").
    private static string OrgKey(string name)
    {
        var cut = name.IndexOf('(');
        var words = (cut > 0 ? name[..cut] : name).ToLowerInvariant()
            .Split([' ', ',', '.', '-', '&', '/', '\''], StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalWords.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Concat(words);
    }

    private static string Fold(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static bool SharesWord(string a, string b)
    {
        var df = Words(a);
        return Words(b).Any(w => df.Contains(w) && w is not ("university" or "institute" or "academy" or "college" or "research" or "china" or "company" or "corporation" or "limited" or "group" or "technology" or "science"));
    }

    private static HashSet<string> Words(string s) =>
        s.ToLowerInvariant().Split([' ', ',', '.', '(', ')', '-', '&', '/', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && w is not ("the" or "and" or "for")).ToHashSet(StringComparer.Ordinal);
}
