using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;
using EngineWatchlist = ResearchSecurity.Screening.Model.Watchlist;

namespace ResearchSecurity.Core.Watchlists;

public sealed record DiffEntity(string EntityId, string Name);

public sealed record ChangedEntity(string EntityId, string Name, string? PreviousName, IReadOnlyList<string> NamesAdded, IReadOnlyList<string> NamesRemoved,
    bool ListingChanged);

/// <summary>A removed and an added entity whose names match strongly: most likely the same institution renamed.</summary>
public sealed record LikelyRename(DiffEntity Removed, DiffEntity Added, double Score, string RemovedName, string AddedName);

public sealed record VersionDiff(string WatchlistId, int Number, int? AgainstNumber, IReadOnlyList<DiffEntity> Added, IReadOnlyList<DiffEntity> Removed,
    IReadOnlyList<ChangedEntity> Changed, IReadOnlyList<LikelyRename> LikelyRenames, int Unchanged);

/// <summary>Compares two versions of one list by entity id and content hash, and pairs likely renames with the engine's name comparison.</summary>
public static class ListVersionDiff
{
    public const double RenameThreshold = 0.85;

    public static async Task<VersionDiff> ComputeAsync(ResearchSecurityDbContext db, ListVersion version, ListVersion? against, CancellationToken ct)
    {
        var now = await LoadAsync(db, version, ct);
        var before = against is null ? [] : await LoadAsync(db, against, ct);
        var added = now.Values.Where(e => !before.ContainsKey(e.EntityId)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var removed = before.Values.Where(e => !now.ContainsKey(e.EntityId)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var changed = now.Values.Where(e => before.TryGetValue(e.EntityId, out var b) && b.ContentHash != e.ContentHash)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => Change(before[e.EntityId], e)).ToList();
        var renames = Renames(removed, added);
        return new VersionDiff(version.WatchlistId, version.Number, against?.Number, added.Select(Brief).ToList(), removed.Select(Brief).ToList(),
            changed, renames, now.Count - added.Count - changed.Count);
    }

    private static List<LikelyRename> Renames(List<WatchlistEntity> removed, List<WatchlistEntity> added)
    {
        if (removed.Count == 0 || added.Count == 0) return [];
        // An engine over both sides supplies the vocabulary (which words are distinctive) for the comparison.
        using var engine = ScreeningEngine.Build([new EngineWatchlist("diff", "diff", "stored", [.. removed, .. added])]);
        var candidates = new List<LikelyRename>();
        foreach (var r in removed)
            foreach (var a in added)
            {
                var best = (Score: 0.0, From: "", To: "");
                foreach (var from in Names(r))
                    foreach (var to in Names(a))
                    {
                        var score = engine.Compare(from, to);
                        if (score > best.Score) best = (score, from, to);
                    }
                if (best.Score >= RenameThreshold) candidates.Add(new LikelyRename(Brief(r), Brief(a), best.Score, best.From, best.To));
            }
        // Each entity takes part in at most one rename, strongest pairs first.
        var used = new HashSet<string>(StringComparer.Ordinal);
        return candidates.OrderByDescending(c => c.Score)
            .Where(c => !used.Contains("r" + c.Removed.EntityId) && !used.Contains("a" + c.Added.EntityId) && used.Add("r" + c.Removed.EntityId) && used.Add("a" + c.Added.EntityId))
            .ToList();
    }

    private static ChangedEntity Change(WatchlistEntity before, WatchlistEntity after)
    {
        var b = Names(before).ToHashSet(StringComparer.Ordinal);
        var a = Names(after).ToHashSet(StringComparer.Ordinal);
        return new ChangedEntity(after.EntityId, after.Name, before.Name == after.Name ? null : before.Name,
            a.Except(b).Order(StringComparer.Ordinal).ToList(), b.Except(a).Order(StringComparer.Ordinal).ToList(),
            !before.Periods.SequenceEqual(after.Periods) || before.ParentId != after.ParentId);
    }

    private static IEnumerable<string> Names(WatchlistEntity e) =>
        new[] { e.Name }.Concat(e.Aliases).Concat(e.PreviousNames).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal);

    private static DiffEntity Brief(WatchlistEntity e) => new(e.EntityId, e.Name);

    private static async Task<Dictionary<string, WatchlistEntity>> LoadAsync(ResearchSecurityDbContext db, ListVersion version, CancellationToken ct) =>
        (await db.ListedEntities.AsNoTracking().Where(e => e.ListVersionId == version.Id).Select(e => e.Data).ToListAsync(ct))
        .Select(d => ScreeningLists.FromJson(d, version.WatchlistId)).ToDictionary(e => e.EntityId, StringComparer.Ordinal);
}
