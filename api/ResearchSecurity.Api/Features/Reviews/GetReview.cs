using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The review page of one proposal: hits, questions, decisions and risk. Every read is audited.</summary>
public static class GetReview
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{proposalId:guid}", Handle).WithName(nameof(GetReview))
            .WithSummary("Get a proposal's review")
            .WithDescription("The review of one proposal: its status, risk, hits, information requests and decisions.");

    public static async Task<Results<Ok<ReviewResponse>, NotFound>> Handle(
        Guid proposalId, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return TypedResults.NotFound();

        var response = await LoadAsync(db, proposal, ct);
        db.Audit(AuditEventType.ReviewViewed, nameof(Proposal), proposal.Id, proposal.Id);
        await db.SaveChangesAsync(ct);
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }

    public static async Task<ReviewResponse> LoadAsync(ResearchSecurityDbContext db, Proposal proposal, CancellationToken ct)
    {
        var hits = await (from h in ProposalRisk.HitsFor(db, proposal.Id).AsNoTracking()
                          join v in db.ListVersions.AsNoTracking() on h.ListVersionId equals v.Id into versions
                          from v in versions.DefaultIfEmpty()
                          orderby h.Status, h.Score descending
                          select new { Hit = h, Number = (int?)v.Number }).ToListAsync(ct);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ProposalId == proposal.Id).OrderBy(r => r.AskedAt).ToListAsync(ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.ProposalId == proposal.Id).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        return new ReviewResponse(proposal.Id, proposal.Title, proposal.Status, proposal.OwnerId, proposal.TechnologyAreas,
            proposal.AssignedReviewerId, proposal.RiskLevel, ReviewProjections.Reasons(proposal.RiskReasons), proposal.SubmittedAt,
            ETags.For(proposal.Version), hits.Select(h => h.Hit.ToResponse(h.Number)).ToList(), requests.Select(r => r.ToResponse()).ToList(),
            decisions.Select(d => d.ToResponse()).ToList());
    }
}
