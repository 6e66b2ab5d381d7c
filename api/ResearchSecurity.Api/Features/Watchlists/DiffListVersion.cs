using Microsoft.AspNetCore.Mvc;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Features.Watchlists;

/// <summary>A version against the previous one (or <c>?against=n</c>): added, removed, changed entities and likely renames.</summary>
public static class DiffListVersion
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}/versions/{number:int}/diff", Handle).WithName(nameof(DiffListVersion))
            .WithSummary("Compare watchlist versions")
            .WithDescription("Entries added, removed and renamed between a version and the one before it (or `against`).");

    public static async Task<Results<Ok<VersionDiff>, NotFound>> Handle(string id, int number, [FromQuery] int? against, ResearchSecurityDbContext db,
        CancellationToken ct)
    {
        var version = await db.ListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WatchlistId == id && v.Number == number, ct);
        if (version is null) return TypedResults.NotFound();
        var other = await db.ListVersions.AsNoTracking()
            .Where(v => v.WatchlistId == id && (against == null ? v.Number < number : v.Number == against))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (against is not null && other is null) return TypedResults.NotFound();
        return TypedResults.Ok(await ListVersionDiff.ComputeAsync(db, version, other, ct));
    }
}
