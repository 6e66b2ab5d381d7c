using ResearchSecurity.Core.People;

namespace ResearchSecurity.Api.Features.People;

public sealed record AffiliationResponse(
    Guid Id, string OrganisationName, string? Country, AffiliationKind Kind, DateOnly? StartDate, DateOnly? EndDate, bool IsCurrent);

public sealed record VisitResponse(
    Guid Id, Guid? ProposalId, string HostDepartment, string? HostPrincipalInvestigator, DateOnly StartDate, DateOnly EndDate, string? Sponsor);

public sealed record TalentProgramResponse(Guid Id, string ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

public sealed record PersonResponse(
    Guid Id, string Name, string? NativeName, string? Email, string? Orcid, string? UserId, string OwnerId, Declarations Declarations,
    IReadOnlyList<AffiliationResponse> Affiliations, IReadOnlyList<VisitResponse> Visits, IReadOnlyList<TalentProgramResponse> TalentPrograms,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag);

public sealed record PersonSummary(Guid Id, string Name, string? Email, string? Orcid, int AffiliationCount, DateTimeOffset UpdatedAt);

public static class PersonProjection
{
    public static IQueryable<PersonResponse> ToResponse(this IQueryable<Person> people) => people.Select(p => new PersonResponse(
        p.Id, p.Name, p.NativeName, p.Email, p.Orcid, p.UserId, p.OwnerId, p.Declarations,
        p.Affiliations.OrderBy(a => a.StartDate).Select(a => new AffiliationResponse(a.Id, a.OrganisationName, a.Country, a.Kind, a.StartDate, a.EndDate, a.IsCurrent)).ToList(),
        p.Visits.OrderBy(v => v.StartDate).Select(v => new VisitResponse(v.Id, v.ProposalId, v.HostDepartment, v.HostPrincipalInvestigator, v.StartDate, v.EndDate, v.Sponsor)).ToList(),
        p.TalentPrograms.OrderBy(t => t.StartDate).Select(t => new TalentProgramResponse(t.Id, t.ProgramName, t.Sponsor, t.StartDate, t.EndDate, t.Compensation)).ToList(),
        p.CreatedAt, p.UpdatedAt, "\"" + p.Version + "\""));

    public static object Snapshot(Person p) => new
    {
        p.Name, p.NativeName, p.Email, p.Orcid, p.UserId, p.Declarations,
        Affiliations = p.Affiliations.Select(a => new { a.Id, a.OrganisationName, a.Country, Kind = a.Kind.ToString(), a.StartDate, a.EndDate, a.IsCurrent }).ToList(),
        Visits = p.Visits.Select(v => new { v.Id, v.ProposalId, v.HostDepartment, v.HostPrincipalInvestigator, v.StartDate, v.EndDate, v.Sponsor }).ToList(),
        TalentPrograms = p.TalentPrograms.Select(t => new { t.Id, t.ProgramName, t.Sponsor, t.StartDate, t.EndDate, t.Compensation }).ToList(),
    };
}
