using System.Collections.Frozen;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Per-entity facts computed once when the engine is built: words that support an acronym (distinctive words of the
/// entity's names and address), ownership paths, and twins (the same institution on another list).
/// </summary>
internal sealed class EntityFacts
{
    private readonly TokenStats _stats;

    public FrozenSet<string>[] Support { get; }
    public string?[] ParentPaths { get; }
    public int[][] Twins { get; }

    public EntityFacts(Watchlist[] lists, WatchlistEntity[] entities, CompiledName[] names, TokenStats stats)
    {
        _stats = stats;
        // Support words are only consulted for acronyms; most entities have none, so skip the allocation for them.
        var withAcronym = names.Where(n => n.Acronym is not null).Select(n => n.EntityIndex).ToHashSet();
        Support = entities.Select((e, i) => withAcronym.Contains(i) ? SupportWords(e) : FrozenSet<string>.Empty).ToArray();
        ParentPaths = entities.Select(ParentPath(lists)).ToArray();
        Twins = BuildTwins(entities, names);
    }

    public FrozenSet<string> SupportWords(WatchlistEntity e)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { e.Name }.Concat(e.Aliases).Concat(e.PreviousNames).Concat(e.Addresses))
            foreach (var t in Tokenizer.Plain.Tokenize(TextNormalizer.Clean(text)))
                if (t.Text.Length >= 2 && _stats.IsDistinctive(t.Text) && !CountryWords.Contains(t.Text)) words.Add(t.Text);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static readonly FrozenSet<string> CountryWords = new[] { "china", "people", "republic", "prc", "russia", "iran" }.ToFrozenSet();

    private static Func<WatchlistEntity, string?> ParentPath(Watchlist[] lists)
    {
        var byId = lists.SelectMany(l => l.Entities).GroupBy(e => (e.ListId, e.EntityId)).ToDictionary(g => g.Key, g => g.First());
        return e =>
        {
            if (e.ParentId is null) return null;
            var path = new List<string> { e.Name };
            var current = e;
            var guard = 0;
            while (current.ParentId is not null && guard++ < 10)
            {
                if (!byId.TryGetValue((current.ListId, current.ParentId), out var parent)) { path.Add(current.ParentId); break; }
                path.Add(parent.Name);
                current = parent;
            }
            path.Reverse();
            return string.Join(" > ", path);
        };
    }

    /// <summary>One string instance per distinct word: a million listed names share a few thousand words.</summary>
    public static void InternWords(CompiledName[] names)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in names)
            foreach (var arr in n.Parts.Concat(n.Qualifiers))
                for (var i = 0; i < arr.Length; i++)
                {
                    if (pool.TryGetValue(arr[i], out var shared)) arr[i] = shared;
                    else pool[arr[i]] = arr[i];
                }
    }

    /// <summary>
    /// The same institution listed on several lists (same canonical name, or one's canonical name is the other's alias):
    /// an alias, acronym or Chinese name that only one list carries still finds the others.
    /// </summary>
    private static int[][] BuildTwins(WatchlistEntity[] entities, CompiledName[] names)
    {
        static string Key(CompiledName n) => string.Join("/", n.Parts.Select(p => string.Join(' ', p)));
        var canonical = names.Where(n => n.Kind == NameKind.Canonical && n.Parts.Length > 0).GroupBy(n => n.EntityIndex)
            .ToDictionary(g => g.Key, g => Key(g.First()));
        var byKey = names.Where(n => n.Kind is NameKind.Canonical or NameKind.Alias or NameKind.PreviousName && n.Parts.Length > 0)
            .GroupBy(Key).ToDictionary(g => g.Key, g => g.Select(n => n.EntityIndex).Distinct().ToArray());
        var twins = new HashSet<int>[entities.Length];
        for (var i = 0; i < entities.Length; i++) twins[i] = [];
        // Both ways: an entry that lists a subsidiary's name among its aliases is not that subsidiary's twin.
        foreach (var (entity, key) in canonical)
            foreach (var other in byKey.GetValueOrDefault(key, []))
                if (entities[other].ListId != entities[entity].ListId && canonical.TryGetValue(other, out var otherKey) &&
                    byKey.GetValueOrDefault(otherKey, []).Contains(entity))
                {
                    twins[entity].Add(other);
                    twins[other].Add(entity);
                }
        return twins.Select(t => t.ToArray()).ToArray();
    }
}
