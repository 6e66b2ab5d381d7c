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
        var hit = await ProposalRisk.HitsFor(db, proposalId).AsNoTracking().FirstOrDefaultAsync(h => h.Id == hitId, ct);
        if (hit is null) return TypedResults.NotFound();

        db.Audit(AuditEventType.HitExplanationViewed, nameof(ScreeningHit), hit.Id, proposalId);
        await db.SaveChangesAsync(ct);
        var explanation = string.IsNullOrEmpty(hit.Explanation) ? default : JsonDocument.Parse(hit.Explanation).RootElement.Clone();
        return TypedResults.Ok(new HitExplanationResponse(hit.ToResponse(), explanation));
    }
}
