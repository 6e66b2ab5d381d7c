using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 7: an undisclosed affiliation. The person's e-mail domain matched a listed institution (a screening hit on
/// the e-mail domain) that none of their declared affiliations names; or a visiting researcher's declared history
/// has a gap longer than <c>maxAffiliationGapMonths</c> while the lists show their home institution as listed.
/// </summary>
public sealed class UndisclosedAffiliationRule : IRiskRule
{
    public string Code => RuleCodes.UndisclosedAffiliation;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        foreach (var person in proposal.People)
        {
            var personHits = proposal.Hits.Where(h => h.PersonId == person.Id && h.Counts).ToList();
            var affiliationIds = person.Affiliations.Select(a => a.Id).ToHashSet();
            var declaredEntities = personHits.Where(h => affiliationIds.Contains(h.SubjectId)).Select(h => (h.WatchlistId, h.EntityId)).ToHashSet();
            var declaredKeys = person.Affiliations.Select(a => PartyText.OrganisationKey(a.OrganisationName)).ToList();
            // The domain's owners: what screening matched on the e-mail domain, and what the lists tie the domain to.
            var owners = personHits.Where(h => h.SubjectType == SubjectTypes.Person && h.Field == ScreenedFields.EmailDomain)
                .Select(h => (h.WatchlistId, h.EntityId, h.EntityName, How: $"screening hit (score {h.Score:0.00})"))
                .Concat(person.EmailDomain is { } domain ? context.OwnersOf(domain).Select(o => (o.WatchlistId, o.EntityId, EntityName: o.Name, How: $"the list's {o.How}")) : [])
                .DistinctBy(o => (o.WatchlistId, o.EntityId));
            foreach (var owner in owners)
            {
                var entityKey = PartyText.OrganisationKey(owner.EntityName);
                if (declaredEntities.Contains((owner.WatchlistId, owner.EntityId)) || declaredKeys.Any(k => entityKey.Length > 0 && k.Contains(entityKey, StringComparison.Ordinal)))
                    continue;
                yield return new FlagCandidate(Code, $"{person.Id}:email:{owner.WatchlistId}:{owner.EntityId}",
                    $"{person.Name}'s e-mail domain {person.EmailDomain} belongs to the listed \"{owner.EntityName}\", not among the declared affiliations",
                    $"The e-mail address {person.Email} is at {person.EmailDomain}, which {owner.How} ties to {owner.EntityName} ({owner.WatchlistId}); " +
                    $"the declared affiliations are {(person.Affiliations.Count == 0 ? "none" : string.Join(", ", person.Affiliations.Select(a => $"\"{a.OrganisationName}\"")))}.",
                    new
                    {
                        PersonId = person.Id, Person = person.Name, person.Email, person.EmailDomain, owner.WatchlistId, ListedEntity = owner.EntityName,
                        MatchedBy = owner.How, DeclaredAffiliations = person.Affiliations.Select(a => a.OrganisationName).ToList(),
                    });
            }
            if (person.Role == MemberRole.VisitingResearcher && policy.MaxAffiliationGapMonths is { } maxGap
                && personHits.Any(h => affiliationIds.Contains(h.SubjectId) && h.Status == HitStatus.Active)
                && LongestGap(person, context.Today) is { Months: var months } gap && months > maxGap)
            {
                yield return new FlagCandidate(Code, $"{person.Id}:gap",
                    $"Visiting researcher {person.Name} has a {months}-month gap in the declared history while the home institution is listed",
                    $"No affiliation is declared from {gap.From} to {gap.To}; a listed home institution makes the gap worth asking about.",
                    new { PersonId = person.Id, Person = person.Name, GapFrom = gap.From, GapTo = gap.To, GapMonths = months, MaxAffiliationGapMonths = maxGap });
            }
        }
    }

    private static (DateOnly From, DateOnly To, int Months)? LongestGap(PersonFact person, DateOnly today)
    {
        var spans = person.Affiliations.Where(a => a.StartDate is not null)
            .Select(a => (Start: a.StartDate!.Value, End: a.IsCurrent ? today : a.EndDate ?? a.StartDate!.Value)).OrderBy(s => s.Start).ToList();
        if (spans.Count == 0) return null;
        (DateOnly, DateOnly, int)? longest = null;
        var coveredUntil = spans[0].End;
        foreach (var (start, end) in spans.Skip(1).Append((today, today)))
        {
            if (start > coveredUntil)
            {
                var months = (start.Year - coveredUntil.Year) * 12 + start.Month - coveredUntil.Month;
                if (longest is null || months > longest.Value.Item3) longest = (coveredUntil, start, months);
            }
            if (end > coveredUntil) coveredUntil = end;
        }
        return longest;
    }
}
