namespace ResearchSecurity.Api.Features.Watchlists;

public static class GetListVersion
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}/versions/{number:int}", Handle).WithName(nameof(GetListVersion))
            .WithSummary("Get a watchlist version")
            .WithDescription("One version with its import report.");

    public static async Task<Results<Ok<ListVersionResponse>, NotFound>> Handle(string id, int number, ResearchSecurityDbContext db, CancellationToken ct)
    {
        var version = await db.ListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WatchlistId == id && v.Number == number, ct);
        return version is null ? TypedResults.NotFound() : TypedResults.Ok(version.ToResponse());
    }
}
