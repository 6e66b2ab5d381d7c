using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.People;

public sealed record PersonDetails(string Name, string? NativeName, string? Email, string? Orcid, string? UserId);

/// <summary>
/// A researcher, reusable across proposals, with affiliations, visits and declarations.
/// <see cref="AggregateRoot.OwnerId"/> is who registered the record; <see cref="UserId"/> is the person's own account, if any.
/// </summary>
public sealed class Person : AggregateRoot
{
    private readonly List<Affiliation> _affiliations = [];
    private readonly List<Visit> _visits = [];
    private readonly List<TalentProgramParticipation> _talentPrograms = [];

    private Person() { }

    public string Name { get; private set; } = string.Empty;
    public string NameNormalized { get; private set; } = string.Empty;
    public string? NativeName { get; private set; }
    public string? Email { get; private set; }
    public string? EmailDomain { get; private set; }
    public string? Orcid { get; private set; }
    public string? UserId { get; private set; }
    public Declarations Declarations { get; private set; } = Declarations.NotAnswered;

    public IReadOnlyList<Affiliation> Affiliations => _affiliations;
    public IReadOnlyList<Visit> Visits => _visits;
    public IReadOnlyList<TalentProgramParticipation> TalentPrograms => _talentPrograms;

    public PersonDetails Details => new(Name, NativeName, Email, Orcid, UserId);

    public static Person Create(string ownerId, PersonDetails details, Declarations declarations, DateTimeOffset now)
    {
        var person = new Person { OwnerId = ownerId, CreatedAt = now, UpdatedAt = now };
        person.ApplyDetails(details);
        person.Declarations = declarations;
        return person;
    }

    public IReadOnlyList<string> Update(PersonDetails details, Declarations declarations,
        IReadOnlyList<(Guid? Id, AffiliationDetails Details)>? affiliations,
        IReadOnlyList<(Guid? Id, VisitDetails Details)>? visits,
        IReadOnlyList<(Guid? Id, TalentProgramDetails Details)>? talentPrograms,
        DateTimeOffset now)
    {
        var changed = new List<string>();
        if (ApplyDetails(details)) changed.Add("details");
        if (Declarations != declarations) { Declarations = declarations; changed.Add("declarations"); }
        if (affiliations is not null && ChildCollection.Sync(_affiliations, affiliations, d => new Affiliation(Id, d), (a, d) => a.Apply(d), "Affiliation"))
            changed.Add("affiliations");
        if (visits is not null && ChildCollection.Sync(_visits, visits, d => new Visit(Id, d), (v, d) => v.Apply(d), "Visit"))
            changed.Add("visits");
        if (talentPrograms is not null && ChildCollection.Sync(_talentPrograms, talentPrograms, d => new TalentProgramParticipation(Id, d), (t, d) => t.Apply(d), "Talent program"))
            changed.Add("talentPrograms");
        if (changed.Count > 0) Touch(now);
        return changed;
    }

    private bool ApplyDetails(PersonDetails d)
    {
        if (d == Details) return false;
        Name = d.Name;
        NameNormalized = SearchText.Normalize(d.Name);
        NativeName = d.NativeName;
        Email = d.Email;
        // The e-mail domain is screened on its own: an address at a listed institution's domain is an undisclosed affiliation.
        EmailDomain = d.Email is { } e && e.LastIndexOf('@') is var at and > 0 ? e[(at + 1)..].ToLowerInvariant() : null;
        Orcid = d.Orcid;
        UserId = d.UserId;
        return true;
    }
}
