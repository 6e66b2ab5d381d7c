using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Proposals;

public enum PartnerRole { Partner = 0, Subcontractor = 1, EndUser = 2, Sponsor = 3 }

/// <summary>What a caller states about a partner organisation; the entity keeps the name exactly as written.</summary>
public sealed record PartnerDetails(
    string Name, string Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone, PartnerRole Role);

public sealed class PartnerOrganisation : Entity
{
    private PartnerOrganisation() { }

    internal PartnerOrganisation(Guid proposalId, PartnerDetails details)
    {
        ProposalId = proposalId;
        Apply(details);
    }

    public Guid ProposalId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string NameNormalized { get; private set; } = string.Empty;
    public string Country { get; private set; } = string.Empty;
    public string? Website { get; private set; }
    public string? Address { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public PartnerRole Role { get; private set; }

    public PartnerDetails Details => new(Name, Country, Website, Address, ContactEmail, ContactPhone, Role);

    /// <summary>Returns true when anything changed.</summary>
    internal bool Apply(PartnerDetails d)
    {
        if (d == Details) return false;
        Name = d.Name;
        NameNormalized = SearchText.Normalize(d.Name);
        Country = d.Country;
        Website = d.Website;
        Address = d.Address;
        ContactEmail = d.ContactEmail;
        ContactPhone = d.ContactPhone;
        Role = d.Role;
        return true;
    }
}
