namespace ResearchSecurity.Api.Features.Screening;

public static class ScreeningEndpoints
{
    public static void MapScreening(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proposals").WithTags("Screening").RequireAuthorization(Policies.ScreeningRead);
        GetProposalScreening.Map(group);
    }
}
