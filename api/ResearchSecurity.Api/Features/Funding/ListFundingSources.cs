using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Api.Features.Funding;

public static class ListFundingSources
{
    public sealed record ListFundingSourcesRequest(int? Page, int? PageSize, Guid? ProposalId, Guid? PersonId, string? Country, string? Q, string? Sort);

    private static readonly SortOrder<FundingSource> Sorts = new SortOrder<FundingSource>()
        .By("funderName", f => f.FunderName).By("amount", f => f.Amount).By("createdAt", f => f.CreatedAt)
        .Default("-createdAt");

    public sealed class Validator : AbstractValidator<ListFundingSourcesRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts.Values);
            RuleFor(x => x.Country).CountryCode();
            RuleFor(x => x.Q).MaximumLength(200);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListFundingSourcesRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .WithName(nameof(ListFundingSources))
            .WithSummary("List funding sources")
            .WithDescription("Funding sources visible to the caller, paged and filtered. The grant-management integration sees all of them.")
            .Validate<ListFundingSourcesRequest>();

    public static async Task<Ok<PagedList<FundingSourceResponse>>> Handle(
        ListFundingSourcesRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var query = Sorts.Apply(Filter(request, db, user), request.Sort);
        var page = await query.ToPageAsync(request.Page, request.PageSize, FundingProjection.ToResponse, ct);
        if (user.IsMachineClient)
        {
            // The grant-management integration reads every proposal's funding: which records it took is in the trail.
            db.Audit(AuditEventType.FundingReadByIntegration, nameof(FundingSource), null, null,
                AuditChanges.Of(null, new { Ids = page.Items.Select(f => f.Id).ToList(), page.Page, page.TotalCount }));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(page);
    }

    /// <summary>The funding sources the caller may see that pass the list's filters; the funding register uses it too.</summary>
    public static IQueryable<FundingSource> Filter(ListFundingSourcesRequest request, ResearchSecurityDbContext db, CurrentUser user)
    {
        var query = db.FundingSources.VisibleTo(user, db);
        if (request.ProposalId is { } proposalId) query = query.Where(f => f.ProposalId == proposalId);
        if (request.PersonId is { } personId) query = query.Where(f => f.PersonId == personId);
        if (!string.IsNullOrEmpty(request.Country)) query = query.Where(f => f.Country == request.Country);
        if (SearchText.Normalize(request.Q) is { Length: > 0 } q)
            query = query.Where(f => f.FunderNameNormalized.Contains(q) || f.SponsorNormalized.Contains(q) || f.PayerNormalized.Contains(q));
        return query;
    }
}
