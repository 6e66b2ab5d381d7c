using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Proposals;

public static class UpdateProposal
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateProposal))
            .WithSummary("Update a draft proposal")
            .WithDescription("Replaces the proposal's details. Nested rows sent with an `id` are edited in place, rows without one are added, rows left out are removed; a collection left out of the body is not touched. Editing a proposal in review reopens its review.")
            .ChecksIfMatch(required: true)
            .ProducesConflict()
            .RequireAuthorization(Policies.ProposalsWrite)
            .Validate<ProposalRequest>();

    public static async Task<Results<Ok<ProposalResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, ProposalRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (!proposal.CanEdit(user)) return TypedResults.Forbid();
        if (ETags.Check(http, db, proposal, required: true) is ProblemHttpResult precondition) return precondition;
        if (await ProposalMembersCheck.CheckAsync(request, db, user, ct) is { } invalid) return invalid;

        var before = ProposalSnapshot.Of(proposal);
        var funding = request.FundingSources is null ? null : await db.FundingSources.Where(f => f.ProposalId == proposal.Id).ToListAsync(ct);
        var stateBefore = ProposalState.Of(proposal, funding);
        var now = db.Clock.GetUtcNow();
        var changed = proposal.Update(request.ToDetails(proposal.TechnologyAreas), request.PartnerDetails(), request.MemberDetails(), now).ToList();
        if (request.FundingSources is not null && SyncFunding(db, proposal, funding!, request.FundingSources, user.Id, now))
        {
            changed.Add("fundingSources");
            if (proposal.RecordRelatedChange(now) && !changed.Contains(Proposal.ReviewReopened)) changed.Add(Proposal.ReviewReopened);
        }
        if (changed.Count > 0)
        {
            db.Audit(AuditEventType.ProposalUpdated, nameof(Proposal), proposal.Id, proposal.Id,
                AuditChanges.Of(before, ProposalSnapshot.Of(proposal), changed));
            if (changed.Contains(Proposal.ReviewReopened))
                await ReviewReopening.RecordAsync(db, proposal,
                    ProposalChangeSet.Between(stateBefore, ProposalState.Of(proposal, funding), changed.Contains("details")), ct);
            await db.SaveChangesAsync(ct);
        }

        var response = await db.Proposals.Where(p => p.Id == id).LoadAsync(db, ct);
        ETags.Set(http, response!.ETag);
        return TypedResults.Ok(response);
    }

    /// <summary>Funding written inline with the proposal follows the same replace-by-id rules as partners.</summary>
    /// <remarks><paramref name="existing"/> is kept in step, so it holds the funding as it is after the edit.</remarks>
    private static bool SyncFunding(ResearchSecurityDbContext db, Proposal proposal, List<FundingSource> existing, List<ProposalFundingRequest> wanted,
        string userId, DateTimeOffset now)
    {
        return ChildCollection.Sync([.. existing], wanted.Select(w => (w.Id, w.ToDetails(proposal.Id))).ToList(),
            details => FundingSource.Create(userId, details, now), f => { db.FundingSources.Add(f); existing.Add(f); },
            f => { db.FundingSources.Remove(f); existing.Remove(f); },
            (row, details) => row.Update(details with { PersonId = row.PersonId }, now), "Funding source");
    }
}
