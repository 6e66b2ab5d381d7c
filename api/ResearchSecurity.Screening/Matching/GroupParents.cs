using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Which listed entities a listed entity belongs to, from the list structure itself: an ownership parent
/// (<see cref="WatchlistEntity.ParentId"/>, §1260H), an entry that names it among its subsidiaries or laboratories (ASPI
/// <c>meta.subsidiaries</c>), or the parent part of a "Parent, Institute" name that is itself a listed name (§1286).
/// Built once per index; read-only afterwards.
/// </summary>
internal sealed class GroupParents
{
    /// <summary>Ancestors are followed this far at most (a group of groups).</summary>
    public const int MaxDepth = 3;

    private readonly List<int>[] _parents;
    private readonly WatchlistEntity[] _entities;

    private GroupParents(WatchlistEntity[] entities, List<int>[] parents) => (_entities, _parents) = (entities, parents);

    public static GroupParents Build(WatchlistEntity[] entities, CompiledName[] names)
    {
        static string Key(string[] part) => string.Join(' ', part);
        var parents = entities.Select(_ => new List<int>()).ToArray();
        var byId = new Dictionary<(string, string), int>();
        for (var i = 0; i < entities.Length; i++) byId.TryAdd((entities[i].ListId, entities[i].EntityId), i);
        var ownNames = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var n in names.Where(n => n.Kind is NameKind.Canonical or NameKind.Alias or NameKind.PreviousName && n.Parts.Length == 1 && !n.Reordered))
            (ownNames.TryGetValue(Key(n.Parts[0]), out var set) ? set : ownNames[Key(n.Parts[0])] = []).Add(n.EntityIndex);
        void Link(int child, int parent)
        {
            if (child != parent && !parents[child].Contains(parent)) parents[child].Add(parent);
        }
        for (var i = 0; i < entities.Length; i++)
            if (entities[i].ParentId is { } pid && byId.TryGetValue((entities[i].ListId, pid), out var p)) Link(i, p);
        foreach (var n in names)
        {
            // An entry listing X as its laboratory or subsidiary is X's parent, where X is listed on its own too.
            if (n.Kind == NameKind.Child && n.Parts.Length == 1 && ownNames.TryGetValue(Key(n.Parts[0]), out var members))
                foreach (var m in members) Link(m, n.EntityIndex);
            // "Academy of Military Medical Sciences, Institute of ...": the first part is a listed name of its own.
            if (n.Kind == NameKind.Canonical && n.Parts.Length == 2 && ownNames.TryGetValue(Key(n.Parts[0]), out var heads))
                foreach (var h in heads) Link(n.EntityIndex, h);
        }
        // The same institution on two lists is not its own parent.
        for (var i = 0; i < parents.Length; i++) parents[i].RemoveAll(p => entities[p].Name == entities[i].Name);
        return new GroupParents(entities, parents);
    }

    /// <summary>Ancestors of an entity with their depth (1 = parent) and the path "Parent > Child".</summary>
    public IEnumerable<(int Entity, int Depth, string Path)> Ancestors(int entity)
    {
        var seen = new HashSet<int> { entity };
        var frontier = new List<(int Entity, string Path)> { (entity, _entities[entity].Name) };
        for (var depth = 1; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<(int, string)>();
            foreach (var (e, path) in frontier)
                foreach (var p in _parents[e])
                    if (seen.Add(p))
                    {
                        var full = $"{_entities[p].Name} ({_entities[p].ListId}) > {path}";
                        next.Add((p, full));
                        yield return (p, depth, full);
                    }
            frontier = next;
        }
    }
}
