namespace ResearchSecurity.Api.Features.Registers;

/// <summary>
/// The registers an office reports from: proposals, visiting researchers, funding sources, screening hits and
/// decisions as Excel workbooks, each with the filters of its list endpoint. Every group and endpoint names its
/// policy; what a caller may see is filtered in the queries exactly as in the lists.
/// </summary>
public static class RegisterEndpoints
{
    public static void MapRegisters(this RouteGroupBuilder api)
    {
        // The group admits every role that can read any register; each export narrows it to its own policy.
        var group = api.MapGroup("/registers").WithTags("Registers").RequireAuthorization(Policies.RegistersRead);
        ExportProposalRegister.Map(group);
        ExportVisitorRegister.Map(group);
        ExportFundingRegister.Map(group);
        ExportHitRegister.Map(group);
        ExportDecisionRegister.Map(group);
    }
}
