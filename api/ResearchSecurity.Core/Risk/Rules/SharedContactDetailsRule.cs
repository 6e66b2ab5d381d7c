namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 1: organisations that claim to be different share a phone number (compared in E.164), an e-mail domain (public
/// mail providers excluded), a web domain or a street address — on this proposal, or across every stored proposal.
/// </summary>
public sealed class SharedContactDetailsRule : IRiskRule
{
    private static readonly string[] Kinds = [PartyKeyKinds.Phone, PartyKeyKinds.EmailDomain, PartyKeyKinds.WebDomain, PartyKeyKinds.Address];

    public string Code => RuleCodes.SharedContactDetails;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var own = PartyKeys.Of(proposal).Where(k => Kinds.Contains(k.Kind)).ToList();
        foreach (var group in own.GroupBy(k => (k.Kind, k.Value)))
        {
            var here = group.ToList();
            var elsewhere = context.CrossRecord.Find(group.Key.Kind, group.Key.Value)
                .Where(o => o.ProposalId != proposal.Id && here.All(h => h.OrganisationKey != o.OrganisationKey)).ToList();
            var distinctHere = here.Select(h => h.OrganisationKey).Distinct().Count();
            if (distinctHere < 2 && elsewhere.Count == 0) continue;

            var names = here.Select(h => h.OrganisationName).Concat(elsewhere.Select(e => e.OrganisationName)).Distinct().ToList();
            var what = Describe(group.Key.Kind);
            yield return new FlagCandidate(Code, $"{group.Key.Kind}:{group.Key.Value}",
                $"Organisations claiming to be different share one {what}: {string.Join(", ", names.Select(n => $"\"{n}\""))}",
                $"The {what} {group.Key.Value} belongs to {names.Count} differently named organisations" +
                (elsewhere.Count > 0 ? $", {elsewhere.Select(e => e.ProposalId).Distinct().Count()} of them on other proposals." : " on this proposal."),
                new
                {
                    Detail = group.Key.Kind,
                    NormalisedValue = group.Key.Value,
                    OnThisProposal = here.Select(h => Written(proposal, h)).ToList(),
                    OtherProposalCount = elsewhere.Select(e => e.ProposalId).Distinct().Count(),
                    OnOtherProposals = elsewhere.OrderBy(e => e.ProposalId).Take(RiskEvidence.MaxOtherRecordsListed)
                        .Select(e => new { e.ProposalId, Organisation = e.OrganisationName }).ToList(),
                },
                CrossRecord: elsewhere.Count > 0);
        }
    }

    private static string Describe(string kind) => kind switch
    {
        PartyKeyKinds.Phone => "phone number",
        PartyKeyKinds.EmailDomain => "e-mail domain",
        PartyKeyKinds.WebDomain => "web domain",
        _ => "street address",
    };

    private static object Written(ProposalFacts p, PartyKey key)
    {
        var partner = p.Partners.First(x => x.Id == key.PartyId);
        return new { PartnerId = partner.Id, partner.Name, partner.Country, partner.ContactPhone, partner.ContactEmail, partner.Website, partner.Address };
    }
}
