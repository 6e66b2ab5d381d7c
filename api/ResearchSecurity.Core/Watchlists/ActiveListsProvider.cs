using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// Keeps the engine over the active list versions. Each call checks which versions are active (one small query)
/// and rebuilds only when that set changed, so every screening uses exactly the versions in force.
/// </summary>
public sealed class ActiveListsProvider : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Key, ScreeningLists Lists)? _current;

    public async Task<ScreeningLists> GetAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var active = await ActiveVersionsAsync(db, ct);
        var key = string.Join(",", active.Select(v => v.VersionId).Order());
        if (_current is { } c && c.Key == key) return c.Lists;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Key == key) return again.Lists;
            // The previous engine is left to the GC: a job on another thread may still be screening with it.
            var lists = await LoadAsync(db, active, entityFilter: null, ct);
            _current = (key, lists);
            return lists;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task<IReadOnlyList<VersionInUse>> ActiveVersionsAsync(ResearchSecurityDbContext db, CancellationToken ct) =>
        await (from w in db.Watchlists.AsNoTracking()
               join v in db.ListVersions.AsNoTracking() on w.ActiveVersionId equals v.Id
               orderby w.Id
               select new VersionInUse(w.Id, w.DisplayName, w.Severity, v.Id, v.Number)).ToListAsync(ct);

    /// <summary>Builds an engine over stored versions; <paramref name="entityFilter"/> keeps only some entities of a version.</summary>
    public static async Task<ScreeningLists> LoadAsync(ResearchSecurityDbContext db, IReadOnlyList<VersionInUse> versions,
        Func<Guid, string, bool>? entityFilter, CancellationToken ct, ScreeningOptions? options = null)
    {
        var byVersion = new Dictionary<Guid, IReadOnlyList<WatchlistEntity>>();
        foreach (var v in versions)
        {
            var rows = await db.ListedEntities.AsNoTracking().Where(e => e.ListVersionId == v.VersionId)
                .OrderBy(e => e.EntityId).Select(e => new { e.EntityId, e.Data }).ToListAsync(ct);
            byVersion[v.VersionId] = rows.Where(r => entityFilter?.Invoke(v.VersionId, r.EntityId) ?? true)
                .Select(r => ScreeningLists.FromJson(r.Data, v.WatchlistId)).ToList();
        }
        return new ScreeningLists(versions, byVersion, options);
    }

    public void Dispose()
    {
        _current?.Lists.Dispose();
        _gate.Dispose();
    }
}
