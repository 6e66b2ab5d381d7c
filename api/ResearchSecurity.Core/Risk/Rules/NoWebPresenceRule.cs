using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 2: a partner or sponsor with no verifiable web presence, judged from the data held (no outbound lookups): no
/// website; a website on a free-hosting or webmail domain; or a web domain that the records give to another
/// organisation. A webmail contact address is named in the evidence.
/// </summary>
public sealed class NoWebPresenceRule : IRiskRule
{
    public string Code => RuleCodes.NoWebPresence;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var freeHosts = policy.FreeHostingDomains ?? [];
        foreach (var partner in proposal.Partners.Where(p => p.Role is PartnerRole.Partner or PartnerRole.Sponsor or PartnerRole.EndUser))
        {
            var mail = PartyText.EmailDomain(partner.ContactEmail);
            var webmail = PartyText.IsPublicMail(mail) ? mail : null;
            var host = PartyText.WebDomain(partner.Website);
            string? problem = null;
            var otherOwners = new List<string>();
            var crossRecord = false;
            if (host is null)
                problem = string.IsNullOrWhiteSpace(partner.Website) ? "no website is recorded" : $"the website \"{partner.Website}\" is not a web address";
            else if (PartyText.IsPublicMail(host))
                problem = $"the website is on the webmail domain {host}";
            else if (freeHosts.FirstOrDefault(f => PartyText.IsWithin(host, f)) is { } free)
                problem = $"the website is on the free-hosting domain {free}";
            else
            {
                otherOwners = context.CrossRecord.Find(PartyKeyKinds.WebDomain, host)
                    .Where(o => o.OrganisationKey != partner.OrganisationKey).Select(o => o.OrganisationName).Distinct().ToList();
                otherOwners.AddRange(proposal.Partners.Where(o => o.Id != partner.Id && o.OrganisationKey != partner.OrganisationKey
                    && PartyText.WebDomain(o.Website) == host).Select(o => o.Name));
                otherOwners = otherOwners.Distinct().ToList();
                if (otherOwners.Count > 0)
                {
                    problem = $"the web domain {host} is recorded for {string.Join(", ", otherOwners.Select(n => $"\"{n}\""))}";
                    crossRecord = context.CrossRecord.Find(PartyKeyKinds.WebDomain, host).Any(o => o.ProposalId != proposal.Id);
                }
            }
            if (problem is null) continue;
            var role = partner.Role == PartnerRole.Sponsor ? "sponsor" : partner.Role == PartnerRole.EndUser ? "end user" : "partner";
            yield return new FlagCandidate(Code, partner.Id.ToString(),
                $"No verifiable web presence for {role} \"{partner.Name}\"",
                $"For {role} \"{partner.Name}\" {problem}" + (webmail is not null ? $", and its contact address is on the public mail provider {webmail}." : "."),
                new
                {
                    PartnerId = partner.Id, partner.Name, Role = partner.Role.ToString(), partner.Website, WebDomain = host, partner.ContactEmail,
                    WebmailContact = webmail is not null, Problem = problem, DomainRecordedFor = otherOwners,
                },
                crossRecord);
        }
    }
}
