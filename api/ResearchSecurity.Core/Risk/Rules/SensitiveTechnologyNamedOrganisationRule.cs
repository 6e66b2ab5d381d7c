using ResearchSecurity.Core.Reference;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 10 (Canada's STRAC policy): research in a sensitive technology area with anyone currently affiliated with a
/// named research organisation — a partner on the proposal, or a member's current affiliation, matched on a list the
/// policy names. Not permitted unless an exception is recorded (a reviewer dismisses the flag with the exception).
/// </summary>
public sealed class SensitiveTechnologyNamedOrganisationRule : IRiskRule
{
    public string Code => RuleCodes.SensitiveTechnologyNamedOrganisation;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var sensitive = policy.SensitiveAreas is { Count: > 0 } areas
            ? proposal.TechnologyAreas.Where(areas.Contains).ToList()
            : proposal.TechnologyAreas.Where(code => TechnologyArea.Seed.Any(t => t.Code == code && t.IsSensitive)).ToList();
        if (sensitive.Count == 0) yield break;
        var affiliations = proposal.People.SelectMany(p => p.Affiliations.Select(a => (Person: p, Affiliation: a))).ToDictionary(x => x.Affiliation.Id);
        foreach (var hit in proposal.Hits.Where(h => h.Status == HitStatus.Active && h.Counts && policy.ReadsList(h.WatchlistId)))
        {
            string who;
            if (hit.SubjectType == SubjectTypes.Partner) who = $"partner \"{hit.TextScreened}\"";
            else if (affiliations.TryGetValue(hit.SubjectId, out var x) && x.Affiliation.IsCurrentOn(context.Today))
                who = $"{x.Person.Name}, currently affiliated with \"{x.Affiliation.OrganisationName}\"";
            else continue;
            var decision = policy.Decision ?? "not permitted unless an exception is recorded";
            yield return new FlagCandidate(Code, $"hit:{hit.Id}",
                $"Sensitive technology research ({string.Join(", ", sensitive)}) with {who}, matching \"{hit.EntityName}\": {decision}",
                $"The proposal aims at {string.Join(", ", sensitive)}, and {who} matches {hit.EntityName} on {hit.WatchlistName}. Record an exception to proceed.",
                new
                {
                    SensitiveAreas = sensitive, HitId = hit.Id, hit.WatchlistId, ListedEntity = hit.EntityName, hit.TextScreened, hit.SubjectType,
                    hit.Score, Involved = who, Decision = decision,
                });
        }
    }
}
