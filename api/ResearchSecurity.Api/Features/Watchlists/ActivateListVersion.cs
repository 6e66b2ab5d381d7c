using Hangfire;
using ResearchSecurity.Api.Features.Jobs;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Features.Watchlists;

/// <summary>Puts a version in force; answers 202 with the re-screen job to follow at <c>/api/v1/jobs/{id}</c>.</summary>
public static class ActivateListVersion
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id}/versions/{number:int}/activate", Handle).WithName(nameof(ActivateListVersion))
            .WithSummary("Put a watchlist version in force")
            .WithDescription("Makes the version the one screened against and queues re-screening of open records; answers 202 with the job.")
            .ProducesConflict()
            .RequireAuthorization(Policies.WatchlistsManage);

    public static async Task<Results<Accepted<JobResponse>, NotFound>> Handle(string id, int number, ResearchSecurityDbContext db, CurrentUser user,
        IBackgroundJobClient jobs, CancellationToken ct)
    {
        var watchlist = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == id, ct);
        var version = await db.ListVersions.FirstOrDefaultAsync(v => v.WatchlistId == id && v.Number == number, ct);
        if (watchlist is null || version is null) return TypedResults.NotFound();
        var progress = await ListVersionActivation.ActivateAsync(db, jobs, watchlist, version, user.Id, ct);
        return TypedResults.Accepted($"/api/v1/jobs/{progress.Id}", progress.ToResponse(db.Clock.GetUtcNow()));
    }
}
