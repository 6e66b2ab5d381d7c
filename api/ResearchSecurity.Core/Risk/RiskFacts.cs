using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Core.Risk;

/// <summary>Loads what the rules read, for a batch of proposals at once (a fixed number of queries per batch, not per proposal).</summary>
public static class RiskFacts
{
    public static async Task<List<ProposalFacts>> LoadAsync(ResearchSecurityDbContext db, IReadOnlyCollection<Guid> proposalIds, CancellationToken ct)
    {
        var proposals = await db.Proposals.AsNoTracking().AsSplitQuery().Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct);
        var personIds = proposals.SelectMany(p => p.Members.Select(m => m.PersonId)).Distinct().ToList();
        var people = personIds.Count == 0 ? [] : await db.People.AsNoTracking().AsSplitQuery().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var funding = (await db.FundingSources.AsNoTracking().Where(f => f.ProposalId != null && proposalIds.Contains(f.ProposalId.Value)).ToListAsync(ct))
            .ToLookup(f => f.ProposalId!.Value);
        var hits = await db.ScreeningHits.AsNoTracking()
            .Where(h => (h.ProposalId != null && proposalIds.Contains(h.ProposalId.Value)) || (h.PersonId != null && personIds.Contains(h.PersonId.Value)))
            .ToListAsync(ct);
        var lists = await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        var periods = await PeriodsAsync(db, hits.Where(h => h.Status == Screening.HitStatus.Historical).ToList(), ct);
        var changes = (await db.PostApprovalChanges.AsNoTracking().Where(c => proposalIds.Contains(c.ProposalId)).ToListAsync(ct)).ToLookup(c => c.ProposalId);

        return proposals.Select(p =>
        {
            var members = p.Members.Where(m => people.ContainsKey(m.PersonId)).ToList();
            var memberIds = members.Select(m => m.PersonId).ToHashSet();
            return new ProposalFacts(p.Id, p.Title, p.OwnerId, p.Status, p.CreatedAt, p.SubmittedAt, p.TechnologyAreas, p.PlannedStart, p.PlannedEnd,
                p.Partners.Select(x => new PartnerFact(x.Id, x.Name, x.Country, x.Website, x.Address, x.ContactEmail, x.ContactPhone, x.Role)).ToList(),
                members.Select(m =>
                {
                    var person = people[m.PersonId];
                    return new PersonFact(person.Id, person.Name, person.Email, person.EmailDomain, person.Declarations, m.Role,
                        person.Affiliations.Select(a => new AffiliationFact(a.Id, a.OrganisationName, a.Country, a.Kind, a.StartDate, a.EndDate, a.IsCurrent)).ToList(),
                        person.TalentPrograms.Select(t => new TalentProgramFact(t.Id, t.ProgramName, t.Sponsor, t.StartDate, t.EndDate, t.Compensation)).ToList(),
                        person.Visits.Select(v => new VisitFact(v.Id, v.HostDepartment, v.Sponsor, v.StartDate, v.EndDate)).ToList());
                }).ToList(),
                funding[p.Id].Select(f => new FundingFact(f.Id, f.FunderName, f.Sponsor, f.Payer, f.Country)).ToList(),
                hits.Where(h => h.ProposalId == p.Id || (h.PersonId is { } pid && memberIds.Contains(pid))).Select(h => new HitFact(h.Id, h.SubjectType,
                    h.SubjectId, h.PersonId, h.Field, h.TextScreened, h.WatchlistId, lists.GetValueOrDefault(h.WatchlistId, h.WatchlistId), h.EntityId,
                    h.EntityName, h.Score, h.Status, h.Disposition, periods.GetValueOrDefault((h.ListVersionId, h.EntityId)) ?? [])).ToList(),
                changes[p.Id].Select(c => new ChangeFact(c.ReopeningId, c.ChangedAt, c.Part, c.Action, c.From, c.To)).ToList());
        }).ToList();
    }

    /// <summary>The stored party keys sharing a value with any of <paramref name="keys"/>, one indexed query per kind.</summary>
    public static async Task<CrossRecordIndex> CrossRecordAsync(ResearchSecurityDbContext db, IEnumerable<PartyKey> keys, CancellationToken ct)
    {
        var found = new List<PartyOccurrence>();
        foreach (var kind in keys.GroupBy(k => k.Kind))
        {
            var values = kind.Select(k => k.Value).Distinct().ToList();
            var kindName = kind.Key;
            found.AddRange(await (from k in db.PartyKeys.AsNoTracking()
                                  join p in db.Proposals.IgnoreAutoIncludes().AsNoTracking() on k.ProposalId equals p.Id
                                  where k.Kind == kindName && values.Contains(k.Value)
                                  select new PartyOccurrence(k.ProposalId, k.PartyId, k.Kind, k.Value, k.OrganisationKey, k.OrganisationName, p.OwnerId,
                                      p.Status, p.SubmittedAt ?? p.CreatedAt)).ToListAsync(ct));
        }
        return new CrossRecordIndex(found);
    }

    /// <summary>
    /// Talent programs named by the lists in force that the policy reads: entities whose name has one of the policy's
    /// program words. Each is found in free text by its words up to and including the first program word
    /// ("Thousand Talents Plan" → "thousand talent"), and by its aliases the same way.
    /// </summary>
    public static async Task<IReadOnlyList<ListedProgram>> TalentProgramsAsync(ResearchSecurityDbContext db, RulePolicy rule, CancellationToken ct)
    {
        if (!rule.IsEnabled || rule.ProgramNameWords is not { Count: > 0 } words) return [];
        var programWords = words.Select(w => Tokenizer.Canonical(w.Trim().ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var active = await db.ListVersions.AsNoTracking().Where(v => v.Status == ListVersionStatus.Active)
            .Select(v => new { v.Id, v.WatchlistId, v.Number }).ToListAsync(ct);
        var programs = new List<ListedProgram>();
        foreach (var version in active.Where(v => rule.Lists is null || rule.ReadsList(v.WatchlistId)))
        {
            var names = await db.ListedEntities.AsNoTracking().Where(e => e.ListVersionId == version.Id).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
            var candidates = names.Where(n => Words(n.Name).Any(programWords.Contains)).Select(n => n.Id).ToList();
            if (candidates.Count == 0) continue;
            foreach (var row in await db.ListedEntities.AsNoTracking().Where(e => candidates.Contains(e.Id)).ToListAsync(ct))
            {
                var entity = ScreeningLists.FromJson(row.Data, version.WatchlistId);
                var patterns = entity.Aliases.Append(entity.Name).Concat(entity.PreviousNames)
                    .Select(n => Pattern(Words(n), programWords)).Where(p => p is { Length: >= 2 }).Select(p => p!).DistinctBy(p => string.Join(' ', p)).ToList();
                if (patterns.Count > 0) programs.Add(new ListedProgram(version.WatchlistId, entity.EntityId, entity.Name, version.Number, patterns));
            }
        }
        return programs;
    }

    /// <summary>
    /// The domains the lists in force tie to an organisation: each entity's website hosts, and its acronym aliases
    /// (all capitals, 3–10 letters, e.g. "NUDT") as a domain's first label.
    /// </summary>
    public static async Task<ILookup<string, ListedDomainOwner>> DomainOwnersAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var rows = await (from e in db.ListedEntities.AsNoTracking()
                          join v in db.ListVersions.AsNoTracking() on e.ListVersionId equals v.Id
                          where v.Status == ListVersionStatus.Active
                          select new { v.WatchlistId, e.Data }).ToListAsync(ct);
        var owners = new List<(string Key, ListedDomainOwner Owner)>();
        foreach (var row in rows)
        {
            var entity = ScreeningLists.FromJson(row.Data, row.WatchlistId);
            foreach (var site in entity.Websites)
                if (PartyText.WebDomain(site) is { } host)
                    owners.Add((host, new ListedDomainOwner(row.WatchlistId, entity.EntityId, entity.Name, entity.Countries, "website")));
            foreach (var alias in entity.Aliases.Concat(entity.WeakAliases))
                if (alias.Length is >= 3 and <= 10 && alias.All(c => c is >= 'A' and <= 'Z'))
                    owners.Add((alias.ToLowerInvariant(), new ListedDomainOwner(row.WatchlistId, entity.EntityId, entity.Name, entity.Countries, "acronym")));
        }
        return owners.ToLookup(o => o.Key, o => o.Owner, StringComparer.Ordinal);
    }

    private static string[] Words(string text) => Tokenizer.Plain.Tokenize(TextNormalizer.Clean(text)).Select(t => t.Text).ToArray();

    private static string[]? Pattern(string[] words, HashSet<string> programWords)
    {
        var end = Array.FindIndex(words, programWords.Contains);
        return end < 1 ? null : words[..(end + 1)];
    }

    private static async Task<Dictionary<(Guid VersionId, string EntityId), IReadOnlyList<ListingPeriod>>> PeriodsAsync(ResearchSecurityDbContext db,
        IReadOnlyList<Screening.ScreeningHit> hits, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, string), IReadOnlyList<ListingPeriod>>();
        if (hits.Count == 0) return result;
        var versionIds = hits.Select(h => h.ListVersionId).Distinct().ToList();
        var entityIds = hits.Select(h => h.EntityId).Distinct().ToList();
        var rows = await (from e in db.ListedEntities.AsNoTracking()
                          join v in db.ListVersions.AsNoTracking() on e.ListVersionId equals v.Id
                          where versionIds.Contains(e.ListVersionId) && entityIds.Contains(e.EntityId)
                          select new { e.ListVersionId, e.EntityId, e.Data, v.WatchlistId }).ToListAsync(ct);
        foreach (var row in rows) result[(row.ListVersionId, row.EntityId)] = ScreeningLists.FromJson(row.Data, row.WatchlistId).Periods;
        return result;
    }
}
