using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Features.Risk;

public static class RiskEndpoints
{
    public static void MapRisk(this RouteGroupBuilder api)
    {
        // Investigators see their own proposals' risk (cross-record evidence withheld); reviewers and auditors see all.
        var proposals = api.MapGroup("/proposals").WithTags("Risk").RequireAuthorization(Policies.RiskRead);
        GetProposalRisk.Map(proposals);

        var reviews = api.MapGroup("/reviews").WithTags("Risk").RequireAuthorization(Policies.ReviewsAct);
        DismissFlag.Map(reviews);

        var policies = api.MapGroup("/risk-policies").WithTags("Risk policies").RequireAuthorization(Policies.RiskPoliciesRead);
        ListRiskPolicies.Map(policies);
        GetRiskPolicy.Map(policies);
        DiffRiskPolicy.Map(policies);
        UploadRiskPolicy.Map(policies);
        ActivateRiskPolicy.Map(policies);
    }
}
