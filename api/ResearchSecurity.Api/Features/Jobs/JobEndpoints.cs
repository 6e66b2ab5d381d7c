namespace ResearchSecurity.Api.Features.Jobs;

public static class JobEndpoints
{
    public static void MapJobs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(Policies.JobsRead);
        ListJobs.Map(group);
        GetJob.Map(group);
    }
}
