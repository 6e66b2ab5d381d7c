using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

public static class UpdateFundingSource
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateFundingSource))
            .WithSummary("Update a funding source")
            .WithDescription("Replaces the funding source's details; a change to a proposal in review reopens its review.")
            .ChecksIfMatch(required: true)
            .ProducesConflict()
            .RequireAuthorization(Policies.FundingWrite)
            .Validate<FundingSourceRequest>();

    public static async Task<Results<Ok<FundingSourceResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, FundingSourceRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var funding = await db.FundingSources.VisibleTo(user, db).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (funding is null) return TypedResults.NotFound();
        var ownsProposal = funding.ProposalId is { } pid && await db.Proposals.IgnoreAutoIncludes().AnyAsync(p => p.Id == pid && p.OwnerId == user.Id, ct);
        if (!funding.CanEdit(user, ownsProposal)) return TypedResults.Forbid();
        if (ETags.Check(http, db, funding, required: true) is ProblemHttpResult precondition) return precondition;
        if (await request.CheckLinksAsync(db, user, ct) is { } invalid) return invalid;

        var before = funding.Details;
        if (funding.Update(request.ToDetails(), db.Clock.GetUtcNow()))
        {
            await FundingProposalLink.RecordChangeAsync(db, before.ProposalId, funding.Id, before, funding.Details, ct);
            if (funding.ProposalId != before.ProposalId) await FundingProposalLink.RecordChangeAsync(db, funding.ProposalId, funding.Id, before, funding.Details, ct);
            db.Audit(AuditEventType.FundingSourceUpdated, nameof(FundingSource), funding.Id, funding.ProposalId, AuditChanges.Of(before, funding.Details));
            await db.SaveChangesAsync(ct);
        }

        var response = await db.FundingSources.Where(f => f.Id == id).Select(FundingProjection.ToResponse).SingleAsync(ct);
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }
}
