using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Api.Features.People;

public static class ListPeople
{
    public sealed record ListPeopleRequest(int? Page, int? PageSize, string? Q, string? Country, string? Sort);

    private static readonly SortOrder<Person> Sorts = new SortOrder<Person>()
        .By("name", p => p.Name).By("updatedAt", p => p.UpdatedAt)
        .Default("name");

    public sealed class Validator : AbstractValidator<ListPeopleRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts.Values);
            RuleFor(x => x.Country).CountryCode();
            RuleFor(x => x.Q).MaximumLength(200);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListPeopleRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .WithName(nameof(ListPeople))
            .WithSummary("List people")
            .WithDescription("People visible to the caller, paged, filtered by `q` and country, and sorted.")
            .Validate<ListPeopleRequest>();

    public static async Task<Ok<PagedList<PersonSummary>>> Handle(ListPeopleRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var query = db.People.IgnoreAutoIncludes().VisibleTo(user);
        if (SearchText.Normalize(request.Q) is { Length: > 0 } q)
            query = query.Where(p => p.NameNormalized.Contains(q) || p.Affiliations.Any(a => a.OrganisationNormalized.Contains(q)));
        if (!string.IsNullOrEmpty(request.Country))
            query = query.Where(p => p.Affiliations.Any(a => a.Country == request.Country));
        query = Sorts.Apply(query, request.Sort);
        return TypedResults.Ok(await query.ToPageAsync(request.Page, request.PageSize,
            p => new PersonSummary(p.Id, p.Name, p.Email, p.Orcid, p.Affiliations.Count, p.UpdatedAt), ct));
    }
}
