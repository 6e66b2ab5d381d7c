using ResearchSecurity.Api.Features.Proposals;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The questions reviewers asked on a proposal the caller can see, oldest first.</summary>
public static class ListInformationRequests
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", Handle).WithName(nameof(ListInformationRequests))
            .WithSummary("List information requests")
            .WithDescription("The questions reviewers asked about one proposal, with their answers.");

    public static async Task<Results<Ok<List<InformationRequestResponse>>, NotFound>> Handle(
        Guid proposalId, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.Proposals.VisibleTo(user, db).AnyAsync(p => p.Id == proposalId, ct)) return TypedResults.NotFound();
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.AskedAt).ToListAsync(ct);
        return TypedResults.Ok(requests.Select(r => r.ToResponse()).ToList());
    }
}
