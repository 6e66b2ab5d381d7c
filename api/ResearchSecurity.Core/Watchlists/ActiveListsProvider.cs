using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// Keeps the engine over the active list versions. Each call checks which versions are active (one small query)
/// and rebuilds only when that set changed, so every screening uses exactly the versions in force. With an index
/// path configured the candidate index lives on disk (one folder per build under this process's own folder, since
/// several workers may share a machine); otherwise in memory.
/// </summary>
public sealed class ActiveListsProvider(IOptions<ScreeningIndexOptions>? indexOptions = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string? _processFolder = ProcessFolder(indexOptions?.Value.IndexPath);
    private (string Key, ScreeningLists Lists, string? Folder)? _current;
    private int _builds;

    public async Task<ScreeningLists> GetAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var active = await ActiveVersionsAsync(db, ct);
        var key = string.Join(",", active.Select(v => v.VersionId).Order());
        if (_current is { } c && c.Key == key) return c.Lists;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Key == key) return again.Lists;
            // The previous engine is left to the GC: a job on another thread may still be screening with it. Its index
            // folder can go at once: on Linux an open Lucene reader keeps reading files that were unlinked.
            var folder = _processFolder is null ? null : Path.Combine(_processFolder, $"build{++_builds}");
            var lists = await LoadAsync(db, active, entityFilter: null, ct, indexPath: folder);
            var previous = _current?.Folder;
            _current = (key, lists, folder);
            if (previous is not null) TryDelete(previous);
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
        Func<Guid, string, bool>? entityFilter, CancellationToken ct, ScreeningOptions? options = null, string? indexPath = null)
    {
        var byVersion = new Dictionary<Guid, IReadOnlyList<WatchlistEntity>>();
        foreach (var v in versions)
        {
            var rows = await db.ListedEntities.AsNoTracking().Where(e => e.ListVersionId == v.VersionId)
                .OrderBy(e => e.EntityId).Select(e => new { e.EntityId, e.Data }).ToListAsync(ct);
            byVersion[v.VersionId] = rows.Where(r => entityFilter?.Invoke(v.VersionId, r.EntityId) ?? true)
                .Select(r => ScreeningLists.FromJson(r.Data, v.WatchlistId)).ToList();
        }
        return new ScreeningLists(versions, byVersion, options, indexPath);
    }

    public void Dispose()
    {
        _current?.Lists.Dispose();
        if (_processFolder is not null) TryDelete(_processFolder);
        _gate.Dispose();
    }

    /// <summary>This process's folder under the index root; folders left by processes that no longer run are removed.</summary>
    private static string? ProcessFolder(string? root)
    {
        if (string.IsNullOrWhiteSpace(root)) return null;
        Directory.CreateDirectory(root);
        foreach (var stale in Directory.EnumerateDirectories(root, "p*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[1..], out var pid) && pid != Environment.ProcessId && !IsRunning(pid)) TryDelete(stale);
        }
        return Path.Combine(root, $"p{Environment.ProcessId}");
    }

    private static bool IsRunning(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* best effort: a stale index folder is only disk space */ }
        catch (UnauthorizedAccessException) { }
    }
}
