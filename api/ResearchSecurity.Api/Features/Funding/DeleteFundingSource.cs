using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

public static class DeleteFundingSource
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(DeleteFundingSource))
            .WithSummary("Delete a funding source")
            .WithDescription("Removes funding from one of the caller's proposals.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.FundingWrite);

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var funding = await db.FundingSources.VisibleTo(user, db).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (funding is null) return TypedResults.NotFound();
        var ownsProposal = funding.ProposalId is { } pid && await db.Proposals.IgnoreAutoIncludes().AnyAsync(p => p.Id == pid && p.OwnerId == user.Id, ct);
        if (!funding.CanEdit(user, ownsProposal)) return TypedResults.Forbid();
        if (ETags.Check(http, db, funding, required: false) is ProblemHttpResult precondition) return precondition;

        await FundingProposalLink.RecordChangeAsync(db, funding.ProposalId, funding.Id, funding.Details, null, ct);
        db.Audit(AuditEventType.FundingSourceDeleted, nameof(FundingSource), funding.Id, funding.ProposalId, AuditChanges.Of(funding.Details, null));
        db.FundingSources.Remove(funding);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
