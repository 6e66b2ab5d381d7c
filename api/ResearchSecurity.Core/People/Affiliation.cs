using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.People;

public enum AffiliationKind { Employment = 0, VisitingAppointment = 1, Honorary = 2, Adjunct = 3, TalentProgram = 4, Student = 5 }

public sealed record AffiliationDetails(
    string OrganisationName, string? Country, AffiliationKind Kind, DateOnly? StartDate, DateOnly? EndDate, bool IsCurrent);

/// <summary>An organisation a person is or was affiliated with, exactly as they wrote it.</summary>
public sealed class Affiliation : Entity
{
    private Affiliation() { }

    internal Affiliation(Guid personId, AffiliationDetails details)
    {
        PersonId = personId;
        Apply(details);
    }

    public Guid PersonId { get; private set; }
    public string OrganisationName { get; private set; } = string.Empty;
    public string OrganisationNormalized { get; private set; } = string.Empty;
    public string? Country { get; private set; }
    public AffiliationKind Kind { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public bool IsCurrent { get; private set; }

    public AffiliationDetails Details => new(OrganisationName, Country, Kind, StartDate, EndDate, IsCurrent);

    internal bool Apply(AffiliationDetails d)
    {
        if (d == Details) return false;
        OrganisationName = d.OrganisationName;
        OrganisationNormalized = SearchText.Normalize(d.OrganisationName);
        Country = d.Country;
        Kind = d.Kind;
        StartDate = d.StartDate;
        EndDate = d.EndDate;
        IsCurrent = d.IsCurrent;
        return true;
    }
}
