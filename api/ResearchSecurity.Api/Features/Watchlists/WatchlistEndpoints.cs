namespace ResearchSecurity.Api.Features.Watchlists;

public static class WatchlistEndpoints
{
    public static void MapWatchlists(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/watchlists").WithTags("Watchlists").RequireAuthorization(Policies.WatchlistsRead);
        ListWatchlists.Map(group);
        GetWatchlist.Map(group);
        RegisterWatchlist.Map(group);
        UploadListVersion.Map(group);
        ListVersions.Map(group);
        GetListVersion.Map(group);
        DiffListVersion.Map(group);
        ActivateListVersion.Map(group);
    }
}
