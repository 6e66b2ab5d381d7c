namespace ResearchSecurity.Api.Features.Funding;

public static class FundingEndpoints
{
    public static void MapFunding(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/funding-sources").WithTags("Funding").RequireAuthorization(Policies.FundingRead);
        ListFundingSources.Map(group);
        GetFundingSource.Map(group);
        CreateFundingSource.Map(group);
        UpdateFundingSource.Map(group);
        DeleteFundingSource.Map(group);
    }
}
