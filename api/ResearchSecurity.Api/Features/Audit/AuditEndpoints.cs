namespace ResearchSecurity.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.AuditRead);
        ListAuditEvents.Map(group);
        VerifyAuditChain.Map(group);
        ExportProposalAuditTrail.Map(group);
    }
}
