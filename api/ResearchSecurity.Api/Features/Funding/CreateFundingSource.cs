using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

public static class CreateFundingSource
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(CreateFundingSource))
            .WithSummary("Create a funding source")
            .WithDescription("Adds funding to one of the caller's proposals; a change to a proposal in review reopens its review.")
            .ProducesConflict()
            .RequireAuthorization(Policies.FundingWrite)
            .Validate<FundingSourceRequest>()
            .Idempotent()
            .WithRequestExample(new FundingSourceRequest(new Guid("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"), null, "Horizon Europe", null, null, "BE",
                250_000m, "EUR", null));

    public static async Task<Results<Created<FundingSourceResponse>, ValidationProblem>> Handle(
        FundingSourceRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await request.CheckLinksAsync(db, user, ct) is { } invalid) return invalid;

        var funding = FundingSource.Create(user.Id, request.ToDetails(), db.Clock.GetUtcNow());
        db.FundingSources.Add(funding);
        await FundingProposalLink.RecordChangeAsync(db, funding.ProposalId, funding.Id, null, funding.Details, ct);
        db.Audit(AuditEventType.FundingSourceCreated, nameof(FundingSource), funding.Id, funding.ProposalId, AuditChanges.Of(null, funding.Details));
        await db.SaveChangesAsync(ct);

        var response = await db.FundingSources.Where(f => f.Id == funding.Id).Select(FundingProjection.ToResponse).SingleAsync(ct);
        ETags.Set(http, response.ETag);
        return TypedResults.Created($"/api/v1/funding-sources/{funding.Id}", response);
    }
}
