namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The investigator's side of reviewers' questions, under the proposal they are about.</summary>
public static class InformationRequestEndpoints
{
    public static void MapInformationRequests(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proposals/{proposalId:guid}/information-requests").WithTags("Reviews")
            .RequireAuthorization(Policies.ProposalsRead);
        ListInformationRequests.Map(group);
        AnswerInformationRequest.Map(group);
    }
}
