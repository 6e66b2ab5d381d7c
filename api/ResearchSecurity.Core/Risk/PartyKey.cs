using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Risk;

public static class PartyKeyKinds
{
    public const string Organisation = "organisation";
    public const string Phone = "phone";
    public const string EmailDomain = "emailDomain";
    public const string WebDomain = "webDomain";
    public const string Address = "address";
}

/// <summary>
/// An index row for the cross-record rules: one normalised contact detail or organisation name of an external party
/// on a proposal (E.164 phone, e-mail domain, web domain, street address, organisation). Kept per proposal and
/// refreshed at each assessment, so "who else has this phone number" is one indexed lookup, never a scan.
/// </summary>
public sealed class PartyKey : Entity
{
    private PartyKey() { }

    public PartyKey(Guid proposalId, Guid partyId, string partyType, string kind, string value, string organisationKey, string organisationName)
    {
        ProposalId = proposalId;
        PartyId = partyId;
        PartyType = partyType;
        Kind = kind;
        Value = value;
        OrganisationKey = organisationKey;
        OrganisationName = organisationName;
    }

    public Guid ProposalId { get; private set; }
    public Guid PartyId { get; private set; }
    public string PartyType { get; private set; } = string.Empty;
    public string Kind { get; private set; } = string.Empty;
    public string Value { get; private set; } = string.Empty;
    /// <summary>The organisation's name in canonical words, to tell "the same organisation" from "another one".</summary>
    public string OrganisationKey { get; private set; } = string.Empty;
    public string OrganisationName { get; private set; } = string.Empty;
}
