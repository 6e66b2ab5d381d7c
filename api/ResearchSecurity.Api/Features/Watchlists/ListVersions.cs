namespace ResearchSecurity.Api.Features.Watchlists;

public static class ListVersions
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}/versions", Handle).WithName(nameof(ListVersions))
            .WithSummary("List a watchlist's versions")
            .WithDescription("Every uploaded version of one watchlist, newest first.");

    public static async Task<Results<Ok<List<ListVersionResponse>>, NotFound>> Handle(string id, ResearchSecurityDbContext db, CancellationToken ct)
    {
        if (!await db.Watchlists.AnyAsync(w => w.Id == id, ct)) return TypedResults.NotFound();
        var versions = await db.ListVersions.AsNoTracking().Where(v => v.WatchlistId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => v.ToResponse()).ToList());
    }
}
