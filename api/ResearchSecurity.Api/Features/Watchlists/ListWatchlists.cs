namespace ResearchSecurity.Api.Features.Watchlists;

public static class ListWatchlists
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", Handle).WithName(nameof(ListWatchlists))
            .WithSummary("List watchlists")
            .WithDescription("Registered watchlists with the version in force.");

    public static async Task<Ok<List<WatchlistResponse>>> Handle(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var rows = await (from w in db.Watchlists.AsNoTracking()
                          join v in db.ListVersions.AsNoTracking() on w.ActiveVersionId equals v.Id into active
                          from v in active.DefaultIfEmpty()
                          orderby w.Id
                          select new { w, Number = v == null ? (int?)null : v.Number }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => r.w.ToResponse(r.Number)).ToList());
    }
}
