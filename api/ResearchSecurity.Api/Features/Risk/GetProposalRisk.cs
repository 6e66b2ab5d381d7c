using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>
/// The risk level of a proposal with the policy version it was assessed under and each contributing factor (hits and
/// red flags) with its evidence and weight. Reviewers and auditors see everything (their reads are audited);
/// investigators see their own proposals, without the evidence of flags found in other proposals' records.
/// </summary>
public static class GetProposalRisk
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/risk", Handle).WithName(nameof(GetProposalRisk))
            .WithSummary("Get a proposal's risk")
            .WithDescription("The risk score and level of one proposal under the policy in force, the factors behind it and its flags.");

    public static async Task<Results<Ok<ProposalRiskResponse>, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().IgnoreAutoIncludes().VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return TypedResults.NotFound();
        var seesAll = user.IsInRole(Roles.IntegrityReviewer) && proposal.Status != ProposalStatus.Draft || user.IsInRole(Roles.Auditor);
        var response = await RiskProjection.LoadAsync(db, proposal, withholdCrossRecord: !seesAll, ct);
        if (seesAll)
        {
            db.Audit(AuditEventType.RiskViewed, nameof(Proposal), proposal.Id, proposal.Id);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(response);
    }
}
