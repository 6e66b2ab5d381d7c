namespace ResearchSecurity.Api.Features.Jobs;

public static class ListJobs
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", Handle).WithName(nameof(ListJobs))
            .WithSummary("List background jobs")
            .WithDescription("The 50 most recent background jobs, newest first.");

    /// <summary>The 50 most recent background jobs, newest first.</summary>
    public static async Task<Ok<List<JobResponse>>> Handle(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var jobs = await db.JobProgress.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(50).ToListAsync(ct);
        return TypedResults.Ok(jobs.Select(j => j.ToResponse(now)).ToList());
    }
}
