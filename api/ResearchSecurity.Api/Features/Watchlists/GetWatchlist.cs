namespace ResearchSecurity.Api.Features.Watchlists;

public static class GetWatchlist
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}", Handle).WithName(nameof(GetWatchlist))
            .WithSummary("Get a watchlist")
            .WithDescription("One watchlist and the version in force.");

    public static async Task<Results<Ok<WatchlistResponse>, NotFound>> Handle(string id, ResearchSecurityDbContext db, CancellationToken ct)
    {
        var watchlist = await db.Watchlists.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (watchlist is null) return TypedResults.NotFound();
        var number = await db.ListVersions.Where(v => v.Id == watchlist.ActiveVersionId).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(watchlist.ToResponse(number));
    }
}
