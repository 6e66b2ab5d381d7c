namespace ResearchSecurity.Api.Features.Funding;

public static class GetFundingSource
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", Handle).WithName(nameof(GetFundingSource))
            .WithSummary("Get a funding source")
            .WithDescription("One funding source with its `ETag`.");

    public static async Task<Results<Ok<FundingSourceResponse>, NotFound>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var response = await db.FundingSources.VisibleTo(user, db).Where(f => f.Id == id).Select(FundingProjection.ToResponse).FirstOrDefaultAsync(ct);
        if (response is null) return TypedResults.NotFound();
        if (user.IsMachineClient)
        {
            db.Audit(AuditEventType.FundingReadByIntegration, nameof(Core.Funding.FundingSource), response.Id, response.ProposalId);
            await db.SaveChangesAsync(ct);
        }
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }
}
