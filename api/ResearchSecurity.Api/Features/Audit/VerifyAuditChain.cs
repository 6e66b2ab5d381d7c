namespace ResearchSecurity.Api.Features.Audit;

/// <summary>Walks the hash chain and reports the first broken event. The check itself is audited.</summary>
public static class VerifyAuditChain
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/verify", Handle).WithName(nameof(VerifyAuditChain))
            .WithSummary("Verify the audit chain")
            .WithDescription("Recomputes the hash chain over all audit events and reports the first break, if any.");

    public static async Task<Ok<AuditVerification>> Handle(ResearchSecurityDbContext db, AuditObservationQueue observations, CancellationToken ct)
    {
        await observations.FlushAsync(ct);
        var result = await AuditChainVerifier.VerifyAsync(db, db.Clock, ct);
        db.Audit(AuditEventType.AuditChainVerified, "AuditTrail", null, null,
            AuditChanges.Of(null, new { result.Intact, result.EventsChecked, result.FirstBrokenSequence }), result.Problem);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }
}
