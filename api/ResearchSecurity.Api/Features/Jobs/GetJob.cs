namespace ResearchSecurity.Api.Features.Jobs;

/// <summary>Progress of a background job (e.g. a re-screen): state, processed/total, started, ETA.</summary>
public static class GetJob
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", Handle).WithName(nameof(GetJob))
            .WithSummary("Get a background job")
            .WithDescription("One job's state and progress.");

    public static async Task<Results<Ok<JobResponse>, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CancellationToken ct)
    {
        var job = await db.JobProgress.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(job.ToResponse(db.Clock.GetUtcNow()));
    }
}
