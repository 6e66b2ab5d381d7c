namespace ResearchSecurity.Api.Features.ApproachReports;

public static class ApproachReportEndpoints
{
    public static void MapApproachReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/approach-reports").WithTags("Approach reports").RequireAuthorization(Policies.ApproachReportsFile);
        ListApproachReports.Map(group);
        GetApproachReport.Map(group);
        FileApproachReport.Map(group);
        StartApproachReview.Map(group);
        CloseApproachReport.Map(group);
    }
}
