using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.People;

public sealed record VisitDetails(
    Guid? ProposalId, string HostDepartment, string? HostPrincipalInvestigator, DateOnly StartDate, DateOnly EndDate, string? Sponsor);

/// <summary>A visiting researcher's stay: who hosts them, when, and who pays.</summary>
public sealed class Visit : Entity
{
    private Visit() { }

    internal Visit(Guid personId, VisitDetails details)
    {
        PersonId = personId;
        Apply(details);
    }

    public Guid PersonId { get; private set; }
    public Guid? ProposalId { get; private set; }
    public string HostDepartment { get; private set; } = string.Empty;
    public string? HostPrincipalInvestigator { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string? Sponsor { get; private set; }
    public string SponsorNormalized { get; private set; } = string.Empty;

    public VisitDetails Details => new(ProposalId, HostDepartment, HostPrincipalInvestigator, StartDate, EndDate, Sponsor);

    internal bool Apply(VisitDetails d)
    {
        if (d == Details) return false;
        ProposalId = d.ProposalId;
        HostDepartment = d.HostDepartment;
        HostPrincipalInvestigator = d.HostPrincipalInvestigator;
        StartDate = d.StartDate;
        EndDate = d.EndDate;
        Sponsor = d.Sponsor;
        SponsorNormalized = SearchText.Normalize(d.Sponsor);
        return true;
    }
}
