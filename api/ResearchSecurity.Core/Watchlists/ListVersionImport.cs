using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>Outcome of storing a list file: a new version, the existing version with the same bytes, or the error report.</summary>
public sealed record ListVersionImportOutcome(ListVersion? Version, bool Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Rejected => Version is null;

    /// <summary>All errors found; <see cref="Errors"/> holds the first <see cref="ImportLimits.MaxReportedErrors"/>.</summary>
    public int TotalErrors { get; init; }
}

/// <summary>
/// Stores a list file as a new <see cref="ListVersion"/> with all its entities. A file whose bytes equal an existing
/// version creates nothing; a file that does not parse creates nothing either, is audited as rejected, and its
/// error report is returned: the active version stays in force in both cases.
/// </summary>
public static class ListVersionImport
{
    public static async Task<ListVersionImportOutcome> ImportAsync(ResearchSecurityDbContext db, Watchlist watchlist, byte[] content, string fileName,
        ImportMode mode, string actor, CancellationToken ct, ImportLimits? limits = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var same = await db.ListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WatchlistId == watchlist.Id && v.FileHash == hash, ct);
        if (same is not null) return new ListVersionImportOutcome(same, Unchanged: true, []);

        var result = WatchlistImport.Import(new MemoryStream(content, writable: false), fileName, mode, limits);
        var now = db.Clock.GetUtcNow();
        if (result.Rejected)
        {
            db.Audit(AuditEventType.ListVersionRejected, nameof(Watchlist), null, null,
                AuditChanges.Of(null, new { WatchlistId = watchlist.Id, FileName = fileName, FileHash = hash, ErrorCount = result.TotalErrors }),
                string.Join("\n", result.Errors.Take(20)));
            await db.SaveChangesAsync(ct);
            return new ListVersionImportOutcome(null, false, result.Errors) { TotalErrors = result.TotalErrors };
        }

        var number = (await db.ListVersions.Where(v => v.WatchlistId == watchlist.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var entities = result.List!.Entities.GroupBy(e => e.EntityId, StringComparer.Ordinal).Select(g => g.First() with { ListId = watchlist.Id }).ToList();
        var errors = result.Errors.Count == 0 ? null : JsonSerializer.Serialize(result.Errors, JsonSerializerOptions.Web);
        var version = ListVersion.Create(watchlist.Id, number, fileName, hash, entities.Count, result.TotalErrors, errors, actor, now);
        db.ListVersions.Add(version);
        db.ListedEntities.AddRange(entities.Select(e => new ListedEntity(version.Id, e.EntityId, Clip(e.Name, 1000), e.ContentHash, ScreeningLists.ToJson(e))));
        db.Audit(AuditEventType.ListVersionImported, nameof(ListVersion), version.Id, null, AuditChanges.Of(null, new
        {
            WatchlistId = watchlist.Id, version.Number, version.FileName, version.FileHash, version.EntityCount, version.ErrorCount,
        }));
        await db.SaveChangesAsync(ct);
        return new ListVersionImportOutcome(version, false, result.Errors) { TotalErrors = result.TotalErrors };
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
