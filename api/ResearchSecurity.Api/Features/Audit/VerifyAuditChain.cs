using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Audit.Anchoring;

namespace ResearchSecurity.Api.Features.Audit;

/// <summary>
/// Walks the hash chain and reports the first broken event; where anchoring is configured, also checks the chain
/// against the signed digests kept outside the database. The check itself is audited.
/// </summary>
public static class VerifyAuditChain
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/verify", Handle).WithName(nameof(VerifyAuditChain))
            .WithSummary("Verify the audit chain")
            .WithDescription("Recomputes the hash chain over all audit events and reports the first break, if any. With anchoring configured it also checks the chain against the signed chain-head digests kept outside the database (deleted newest events, a rewritten chain) and refuses digests not signed by the trusted key.");

    public static async Task<Ok<AuditVerification>> Handle(ResearchSecurityDbContext db, AuditObservationQueue observations,
        IOptions<AuditAnchorOptions> anchor, CancellationToken ct)
    {
        await observations.FlushAsync(ct);
        var result = await AuditChainVerifier.VerifyAsync(db, db.Clock, AuditAnchorSet.FromOptions(anchor.Value), ct);
        db.Audit(AuditEventType.AuditChainVerified, "AuditTrail", null, null,
            AuditChanges.Of(null, new { result.Intact, result.EventsChecked, result.FirstBrokenSequence, result.DigestsChecked, result.AnchoredThrough }), result.Problem);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }
}
