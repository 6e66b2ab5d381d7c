namespace ResearchSecurity.Api.Features.Proposals;

public static class ProposalEndpoints
{
    public static void MapProposals(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proposals").WithTags("Proposals").RequireAuthorization(Policies.ProposalsRead);
        ListProposals.Map(group);
        GetProposal.Map(group);
        CreateProposal.Map(group);
        UpdateProposal.Map(group);
        DeleteProposal.Map(group);
        SubmitProposal.Map(group);
        WithdrawProposal.Map(group);
        Dossier.GetProposalDossier.Map(group);
    }
}
