using System.Text.Json;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>One hit with the engine's full explanation. Who looked at which explanation is audited.</summary>
public static class GetHitExplanation
{
    public sealed record HitExplanationResponse(HitResponse Hit, JsonElement Explanation);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{proposalId:guid}/hits/{hitId:guid}", Handle).WithName(nameof(GetHitExplanation))
            .WithSummary("Explain a screening hit")
            .WithDescription("The hit and the matcher's explanation of why a name matched a watchlist entry.");

    public static async Task<Results<Ok<HitExplanationResponse>, NotFound>> Handle(
        Guid proposalId, Guid hitId, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.Proposals.VisibleTo(user, db).AnyAsync(p => p.Id == proposalId, ct)) return TypedResults.NotFound();
        var found = await (from h in ProposalRisk.HitsFor(db, proposalId).AsNoTracking()
                           join v in db.ListVersions.AsNoTracking() on h.ListVersionId equals v.Id into versions
                           from v in versions.DefaultIfEmpty()
                           where h.Id == hitId
                           select new { Hit = h, Number = (int?)v.Number }).FirstOrDefaultAsync(ct);
        if (found is null) return TypedResults.NotFound();
        var hit = found.Hit;

        db.Audit(AuditEventType.HitExplanationViewed, nameof(ScreeningHit), hit.Id, proposalId);
        await db.SaveChangesAsync(ct);
        var response = hit.ToResponse(found.Number);
        return TypedResults.Ok(new HitExplanationResponse(response, response.Explanation ?? default));
    }
}
