using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 3: money comes from someone other than the declared funder or the contracting partner — and, worse, from a
/// third country. Names are compared in canonical words, so "Harbin Eng. Univ." pays for "Harbin Engineering University".
/// </summary>
public sealed class PayerDiffersRule : IRiskRule
{
    public string Code => RuleCodes.PayerDiffers;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var contracting = proposal.Partners.Where(p => p.Role is PartnerRole.Partner or PartnerRole.Subcontractor or PartnerRole.Sponsor).ToList();
        foreach (var funding in proposal.Funding.Where(f => !string.IsNullOrWhiteSpace(f.Payer)))
        {
            var payer = PartyText.OrganisationKey(funding.Payer);
            if (payer.Length == 0 || SameParty(payer, PartyText.OrganisationKey(funding.FunderName))
                || SameParty(payer, PartyText.OrganisationKey(funding.Sponsor))
                || contracting.Any(p => SameParty(payer, p.OrganisationKey)))
                continue;

            var payerCountries = PartyText.CountriesNamedIn(funding.Payer);
            var known = contracting.Select(p => p.Country.Trim().ToLowerInvariant()).Append(funding.Country.Trim().ToLowerInvariant()).ToHashSet();
            var thirdCountry = payerCountries.FirstOrDefault(c => !known.Contains(c));
            yield return new FlagCandidate(Code, funding.Id.ToString(),
                thirdCountry is null
                    ? $"Payer \"{funding.Payer}\" is neither the funder nor a contracting partner"
                    : $"Payer \"{funding.Payer}\" is neither the funder nor a contracting partner, and pays from a third country ({thirdCountry.ToUpperInvariant()})",
                $"The funding from \"{funding.FunderName}\" ({funding.Country}) is paid by \"{funding.Payer}\"" +
                (thirdCountry is null ? "." : $", in {thirdCountry.ToUpperInvariant()}, a country neither the funder nor any partner is in."),
                new
                {
                    FundingSourceId = funding.Id, funding.FunderName, FunderCountry = funding.Country, funding.Payer,
                    PayerCountry = thirdCountry?.ToUpperInvariant() ?? payerCountries.FirstOrDefault()?.ToUpperInvariant(),
                    ThirdCountry = thirdCountry is not null,
                    ContractingPartners = contracting.Select(p => new { p.Name, p.Country }).ToList(),
                });
        }
    }

    /// <summary>Equal, or every word of the shorter name is in the longer one ("Harbin Engineering University, Finance Office").</summary>
    private static bool SameParty(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var wa = a.Split(' ');
        var wb = b.Split(' ');
        var (shorter, longer) = wa.Length <= wb.Length ? (wa, wb.ToHashSet()) : (wb, wa.ToHashSet());
        return shorter.Length >= 2 && shorter.All(longer.Contains);
    }
}
