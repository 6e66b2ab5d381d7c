using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// A refreshed list that drops a large share of its entities is more likely a broken or tampered source than a real
/// edition: it is kept as an imported (inactive) version and audited, and only an administrator activates it.
/// </summary>
public static class ListVersionHold
{
    /// <summary>Share of the active version's entities missing from <paramref name="candidate"/>; null without an active version.</summary>
    public static async Task<double?> RemovedShareAsync(ResearchSecurityDbContext db, Watchlist watchlist, ListVersion candidate, CancellationToken ct)
    {
        if (watchlist.ActiveVersionId is not { } activeId || activeId == candidate.Id) return null;
        var active = db.ListedEntities.Where(e => e.ListVersionId == activeId).Select(e => e.EntityId);
        var total = await active.CountAsync(ct);
        if (total == 0) return null;
        var kept = db.ListedEntities.Where(e => e.ListVersionId == candidate.Id).Select(e => e.EntityId);
        var removed = await active.Where(id => !kept.Contains(id)).CountAsync(ct);
        return (double)removed / total;
    }

    public static async Task HoldAsync(ResearchSecurityDbContext db, Watchlist watchlist, ListVersion version, double share, double limit, CancellationToken ct)
    {
        db.Audit(AuditEventType.ListVersionHeld, nameof(ListVersion), version.Id, null,
            AuditChanges.Of(null, new { WatchlistId = watchlist.Id, version.Number, RemovedShare = Math.Round(share, 4), Limit = limit }),
            $"would remove {share:P0} of the active entities (limit {limit:P0}); waits for an administrator to activate it");
        await db.SaveChangesAsync(ct);
    }
}
