using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.People;

namespace ResearchSecurity.Core.Registers;

/// <summary>The visiting-researchers register: one row per visit, with the visitor, their current affiliations and the host.</summary>
public static class VisitorRegister
{
    public static readonly IReadOnlyList<RegisterColumn> Columns =
    [
        new("Person id", Width: 38), new("Name", Width: 28), new("Native name", Width: 20), new("E-mail", Width: 30),
        new("ORCID", Width: 21), new("Current affiliations", Width: 48), new("Host department", Width: 30),
        new("Host PI", Width: 24), new("Visit start", RegisterCellKind.Date, 12), new("Visit end", RegisterCellKind.Date, 12),
        new("Sponsor", Width: 30), new("Proposal id", Width: 38),
    ];

    /// <summary><paramref name="visits"/> is already filtered (visible people, dates); rows stream from one query.</summary>
    public static RegisterSheet Sheet(IQueryable<Visit> visits, IQueryable<Person> people) => new("Visiting researchers", Columns, Rows(visits, people));

    private static async IAsyncEnumerable<object?[]> Rows(IQueryable<Visit> visits, IQueryable<Person> people)
    {
        var query = from v in visits.AsNoTracking()
                    join p in people.AsNoTracking() on v.PersonId equals p.Id
                    orderby v.StartDate, p.Name
                    select new
                    {
                        p.Id, p.Name, p.NativeName, p.Email, p.Orcid,
                        Current = p.Affiliations.Where(a => a.IsCurrent).OrderBy(a => a.OrganisationName)
                            .Select(a => new { a.OrganisationName, a.Country }).ToList(),
                        v.HostDepartment, v.HostPrincipalInvestigator, v.StartDate, v.EndDate, v.Sponsor, v.ProposalId,
                    };
        // One streamed query: a split query (the context's default) would buffer the parent rows to run the next query.
        await foreach (var r in query.AsSingleQuery().AsAsyncEnumerable())
            yield return
            [
                r.Id.ToString(), r.Name, r.NativeName, r.Email, r.Orcid,
                string.Join("; ", r.Current.Select(a => a.Country is null ? a.OrganisationName : $"{a.OrganisationName} ({a.Country})")),
                r.HostDepartment, r.HostPrincipalInvestigator, r.StartDate, r.EndDate, r.Sponsor, r.ProposalId?.ToString(),
            ];
    }
}
