using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public static class ListProposals
{
    public sealed record ListProposalsRequest(
        int? Page, int? PageSize, ProposalStatus? Status, string? OwnerId, string? Country, string? TechnologyArea, string? Q, string? Sort);

    private static readonly string[] Sorts = ["title", "-title", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "status", "-status"];

    public sealed class Validator : AbstractValidator<ListProposalsRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts);
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

        query = request.Sort switch
        {
            "title" => query.OrderBy(p => p.Title).ThenBy(p => p.Id),
            "-title" => query.OrderByDescending(p => p.Title).ThenBy(p => p.Id),
            "createdAt" => query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            "updatedAt" => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-updatedAt" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            "status" => query.OrderBy(p => p.Status).ThenBy(p => p.Id),
            "-status" => query.OrderByDescending(p => p.Status).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
        };

        return TypedResults.Ok(await query.ToPageAsync(request.Page, request.PageSize, p => new ProposalSummary(
            p.Id, p.Title, p.OwnerId, p.Status, p.TechnologyAreas, p.Partners.Count, p.Members.Count, p.CreatedAt, p.UpdatedAt), ct));
    }
}
