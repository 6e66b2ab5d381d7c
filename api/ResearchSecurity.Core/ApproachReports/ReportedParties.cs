using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Core.ApproachReports;

/// <summary>One way a party on a proposal is written, in the normal form a report is looked up by.</summary>
public sealed record PartyMention(string Kind, string Value, string On, string Written);

/// <summary>A report that is evidence (see <see cref="ApproachReport.IsEvidence"/>), with the normal forms it is found by.</summary>
public sealed record ReportedApproach(Guid Id, DateOnly ApproachedOn, ApproachChannel Channel, IReadOnlyList<string> Asks,
    ApproachReportStatus Status, ApproachOutcome? Outcome, string? Organisation, string? Person, IReadOnlyDictionary<string, string> Keys);

/// <summary>
/// Ties suspicious-approach reports to proposals: the party mentions of a proposal (partners, funders, sponsors and
/// payers, members and their affiliations and visit sponsors) in the normal forms of <see cref="PartyText"/>, the
/// reports sharing one, and — when a report is filed or triaged — the stored proposals to assess again.
/// </summary>
public static class ReportedParties
{
    public const string Organisation = "organisation";
    public const string Person = "person";
    public const string Email = "email";
    public const string EmailDomain = "emailDomain";
    public const string Phone = "phone";

    public static IEnumerable<PartyMention> MentionsOf(ProposalFacts p)
    {
        IEnumerable<PartyMention> Organisation(string on, string? written) =>
            PartyText.OrganisationKey(written) is { Length: > 0 } key ? [new PartyMention(ReportedParties.Organisation, key, on, written!)] : [];

        foreach (var partner in p.Partners)
        {
            foreach (var m in Organisation("partner", partner.Name)) yield return m;
            if (partner.ContactEmail is { Length: > 0 } mail)
            {
                yield return new PartyMention(Email, mail.Trim().ToLowerInvariant(), "partner contact", mail);
                if (PartyText.EmailDomain(mail) is { } d && !PartyText.IsPublicMail(d)) yield return new PartyMention(EmailDomain, d, "partner contact", mail);
            }
            if (PartyText.WebDomain(partner.Website) is { } web && !PartyText.IsPublicMail(web))
                yield return new PartyMention(EmailDomain, web, "partner website", partner.Website!);
            if (PartyText.PhoneKey(partner.ContactPhone, partner.Country) is { } phone)
                yield return new PartyMention(Phone, phone, "partner contact", partner.ContactPhone!);
        }
        foreach (var f in p.Funding)
        {
            foreach (var m in Organisation("funder", f.FunderName)) yield return m;
            foreach (var m in Organisation("sponsor", f.Sponsor)) yield return m;
            foreach (var m in Organisation("payer", f.Payer)) yield return m;
        }
        foreach (var person in p.People)
        {
            if (PartyText.PersonKey(person.Name) is { Length: > 0 } name) yield return new PartyMention(Person, name, "member", person.Name);
            if (person.Email is { Length: > 0 } mail) yield return new PartyMention(Email, mail.Trim().ToLowerInvariant(), "member", person.Name);
            foreach (var a in person.Affiliations)
                foreach (var m in Organisation("member's affiliation", a.OrganisationName)) yield return m;
            foreach (var v in person.Visits)
                foreach (var m in Organisation("visit sponsor", v.Sponsor)) yield return m;
        }
    }

    /// <summary>The reports that are evidence and share a normal form with any of these mentions (one indexed query).</summary>
    public static async Task<IReadOnlyList<ReportedApproach>> MatchingAsync(ResearchSecurityDbContext db, IEnumerable<PartyMention> mentions, CancellationToken ct)
    {
        var byKind = mentions.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Select(m => m.Value).Distinct().ToList());
        List<string> Of(string kind) => byKind.GetValueOrDefault(kind) ?? [];
        var (orgs, people, mails, domains, phones) = (Of(Organisation), Of(Person), Of(Email), Of(EmailDomain), Of(Phone));
        if (orgs.Count + people.Count + mails.Count + domains.Count + phones.Count == 0) return [];
        var rows = await db.ApproachReports.AsNoTracking()
            .Where(r => !(r.Status == ApproachReportStatus.Closed && r.Outcome == ApproachOutcome.NoConcern))
            .Where(r => (r.OrganisationKey != "" && orgs.Contains(r.OrganisationKey)) || (r.PersonKey != "" && people.Contains(r.PersonKey))
                || (r.EmailKey != "" && mails.Contains(r.EmailKey)) || (r.EmailDomainKey != "" && domains.Contains(r.EmailDomainKey))
                || (r.PhoneKey != "" && phones.Contains(r.PhoneKey)))
            .ToListAsync(ct);
        return rows.Select(r => new ReportedApproach(r.Id, r.ApproachedOn, r.Channel, r.Asks, r.Status, r.Outcome, r.ApproacherOrganisation,
            r.ApproacherName, KeysOf(r))).ToList();
    }

    /// <summary>
    /// Stored, submitted proposals naming the report's party: through the cross-record party keys (partners and funders
    /// by organisation, contact domain and phone), their members (name, e-mail) and the members' affiliations. Proposals
    /// submitted later are assessed at submission anyway; this brings the ones already stored up to date.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ProposalsNamingAsync(ResearchSecurityDbContext db, Guid reportId, CancellationToken ct)
    {
        var r = await db.ApproachReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (r is null) return [];
        var viaKeys = await db.PartyKeys.AsNoTracking()
            .Where(k => (r.OrganisationKey != "" && k.Kind == PartyKeyKinds.Organisation && k.Value == r.OrganisationKey)
                || (r.EmailDomainKey != "" && (k.Kind == PartyKeyKinds.EmailDomain || k.Kind == PartyKeyKinds.WebDomain) && k.Value == r.EmailDomainKey)
                || (r.PhoneKey != "" && k.Kind == PartyKeyKinds.Phone && k.Value == r.PhoneKey))
            .Select(k => k.ProposalId).Distinct().ToListAsync(ct);
        var names = NameOrders(SearchText.Normalize(r.ApproacherName));
        var organisation = SearchText.Normalize(r.ApproacherOrganisation);
        var people = await db.People.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => names.Contains(p.NameNormalized) || (r.EmailKey != "" && p.Email != null && p.Email.ToLower() == r.EmailKey)
                || (organisation != "" && p.Affiliations.Any(a => a.OrganisationNormalized == organisation)))
            .Select(p => p.Id).ToListAsync(ct);
        var viaPeople = people.Count == 0 ? [] : await db.ProposalMembers.AsNoTracking().Where(m => people.Contains(m.PersonId))
            .Select(m => m.ProposalId).Distinct().ToListAsync(ct);
        var candidates = viaKeys.Concat(viaPeople).Distinct().ToList();
        return await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => candidates.Contains(p.Id) && p.Status != ProposalStatus.Draft).Select(p => p.Id).Order().ToListAsync(ct);
    }

    /// <summary>A stored name in every word order ("wang wei", "wei wang"), for names of up to three words; longer ones as written.</summary>
    private static List<string> NameOrders(string normalized)
    {
        if (normalized.Length == 0) return [];
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3) return [normalized];
        IEnumerable<IEnumerable<string>> Orders(IReadOnlyList<string> rest) => rest.Count == 1 ? [rest]
            : rest.SelectMany((w, i) => Orders(rest.Where((_, j) => j != i).ToList()).Select(tail => tail.Prepend(w)));
        return Orders(words).Select(o => string.Join(' ', o)).Distinct().ToList();
    }

    private static Dictionary<string, string> KeysOf(ApproachReport r)
    {
        var keys = new Dictionary<string, string>();
        if (r.OrganisationKey.Length > 0) keys[Organisation] = r.OrganisationKey;
        if (r.PersonKey.Length > 0) keys[Person] = r.PersonKey;
        if (r.EmailKey.Length > 0) keys[Email] = r.EmailKey;
        if (r.EmailDomainKey.Length > 0) keys[EmailDomain] = r.EmailDomainKey;
        if (r.PhoneKey.Length > 0) keys[Phone] = r.PhoneKey;
        return keys;
    }
}
