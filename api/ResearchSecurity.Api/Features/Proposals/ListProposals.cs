using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public static class ListProposals
{
    public sealed record ListProposalsRequest(
        int? Page, int? PageSize, ProposalStatus? Status, string? OwnerId, string? Country, string? TechnologyArea, string? Q, string? Sort);

    private static readonly SortOrder<Proposal> Sorts = new SortOrder<Proposal>()
        .By("title", p => p.Title).By("createdAt", p => p.CreatedAt).By("updatedAt", p => p.UpdatedAt).By("status", p => p.Status)
        .Default("-createdAt");

    public sealed class Validator : AbstractValidator<ListProposalsRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts.Values);
            RuleFor(x => x.Country).CountryCode();
            RuleFor(x => x.Q).MaximumLength(200);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListProposalsRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .WithName(nameof(ListProposals))
            .WithSummary("List proposals")
            .WithDescription("Proposals visible to the caller (investigators see their own), paged, filtered by status, owner, country, technology area and `q`, and sorted.")
            .Validate<ListProposalsRequest>();

    public static async Task<Ok<PagedList<ProposalSummary>>> Handle(
        ListProposalsRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var query = Sorts.Apply(Filter(request, db, user), request.Sort);
        return TypedResults.Ok(await query.ToPageAsync(request.Page, request.PageSize, p => new ProposalSummary(
            p.Id, p.Title, p.OwnerId, p.Status, p.TechnologyAreas, p.Partners.Count, p.Members.Count, p.CreatedAt, p.UpdatedAt), ct));
    }

    /// <summary>The proposals the caller may see that pass the list's filters (paging and sort aside); the register uses it too.</summary>
    public static IQueryable<Proposal> Filter(ListProposalsRequest request, ResearchSecurityDbContext db, CurrentUser user)
    {
        var query = db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db);
        if (request.Status is { } status) query = query.Where(p => p.Status == status);
        if (!string.IsNullOrEmpty(request.OwnerId)) query = query.Where(p => p.OwnerId == request.OwnerId);
        if (!string.IsNullOrEmpty(request.Country)) query = query.Where(p => p.Partners.Any(x => x.Country == request.Country));
        if (!string.IsNullOrEmpty(request.TechnologyArea)) query = query.Where(p => p.TechnologyAreas.Contains(request.TechnologyArea));
        if (SearchText.Normalize(request.Q) is { Length: > 0 } q)
        {
            query = query.Where(p => p.TitleNormalized.Contains(q)
                || p.Partners.Any(x => x.NameNormalized.Contains(q))
                || p.Members.Any(m => db.People.Any(person => person.Id == m.PersonId && person.NameNormalized.Contains(q))));
        }

        return query;
    }
}
