namespace ResearchSecurity.Core.Risk;

/// <summary>The party keys of one proposal's external parties: partners (with contact details) and funders (by name).</summary>
public static class PartyKeys
{
    public const string PartnerParty = "PartnerOrganisation";
    public const string FunderParty = "FundingSource";

    /// <summary>Addresses shorter than this many canonical words ("Beijing") say too little to tie two organisations.</summary>
    private const int MinimumAddressWords = 3;

    public static IEnumerable<PartyKey> Of(ProposalFacts p)
    {
        foreach (var partner in p.Partners)
        {
            var org = partner.OrganisationKey;
            if (org.Length == 0) continue;
            yield return new PartyKey(p.Id, partner.Id, PartnerParty, PartyKeyKinds.Organisation, org, org, partner.Name);
            if (PartyText.PhoneKey(partner.ContactPhone, partner.Country) is { } phone)
                yield return new PartyKey(p.Id, partner.Id, PartnerParty, PartyKeyKinds.Phone, phone, org, partner.Name);
            if (PartyText.EmailDomain(partner.ContactEmail) is { } mail && !PartyText.IsPublicMail(mail))
                yield return new PartyKey(p.Id, partner.Id, PartnerParty, PartyKeyKinds.EmailDomain, mail, org, partner.Name);
            if (PartyText.WebDomain(partner.Website) is { } web && !PartyText.IsPublicMail(web))
                yield return new PartyKey(p.Id, partner.Id, PartnerParty, PartyKeyKinds.WebDomain, web, org, partner.Name);
            var address = PartyText.AddressKey(partner.Address);
            if (address.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinimumAddressWords)
                yield return new PartyKey(p.Id, partner.Id, PartnerParty, PartyKeyKinds.Address, address, org, partner.Name);
        }
        foreach (var funding in p.Funding)
        {
            var org = PartyText.OrganisationKey(funding.FunderName);
            if (org.Length > 0) yield return new PartyKey(p.Id, funding.Id, FunderParty, PartyKeyKinds.Organisation, org, org, funding.FunderName);
        }
    }
}
