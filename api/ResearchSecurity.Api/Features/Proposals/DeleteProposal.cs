using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public static class DeleteProposal
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(DeleteProposal))
            .WithSummary("Delete a draft proposal")
            .WithDescription("Only a Draft can be deleted; withdraw a submitted proposal instead.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ProposalsWrite);

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (!proposal.CanEdit(user)) return TypedResults.Forbid();
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;
        proposal.EnsureDeletable();

        db.Audit(AuditEventType.ProposalDeleted, nameof(Proposal), proposal.Id, proposal.Id, AuditChanges.Of(ProposalSnapshot.Of(proposal), null));
        db.Proposals.Remove(proposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
