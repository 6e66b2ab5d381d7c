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
        var query = Sorts.Apply(Filter(request.Q, request.Country, db, user), request.Sort);
        return TypedResults.Ok(await query.ToPageAsync(request.Page, request.PageSize,
            p => new PersonSummary(p.Id, p.Name, p.Email, p.Orcid, p.Affiliations.Count, p.UpdatedAt), ct));
    }

    /// <summary>The people the caller may see that pass the list's filters; the visitors register uses it too.</summary>
    public static IQueryable<Person> Filter(string? search, string? country, ResearchSecurityDbContext db, CurrentUser user)
    {
        var query = db.People.IgnoreAutoIncludes().VisibleTo(user);
        if (SearchText.Normalize(search) is { Length: > 0 } q)
            query = query.Where(p => p.NameNormalized.Contains(q) || p.Affiliations.Any(a => a.OrganisationNormalized.Contains(q)));
        if (!string.IsNullOrEmpty(country))
            query = query.Where(p => p.Affiliations.Any(a => a.Country == country));
        return query;
    }
}
