using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 5: the same external organisation approaches several researchers at once — it is on open proposals of at
/// least <c>minResearchers</c> different investigators within <c>windowDays</c> of this one (the guidance's "several
/// inquiries for the same thing at the same time").
/// </summary>
public sealed class SamePartySeveralResearchersRule : IRiskRule
{
    public string Code => RuleCodes.SamePartySeveralResearchers;

    public static bool IsOpen(ProposalStatus s) => s is not (ProposalStatus.Draft or ProposalStatus.Rejected or ProposalStatus.Withdrawn);

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var window = TimeSpan.FromDays(policy.WindowDays!.Value);
        var organisations = PartyKeys.Of(proposal).Where(k => k.Kind == PartyKeyKinds.Organisation)
            .GroupBy(k => k.Value).Select(g => (Key: g.Key, Name: g.First().OrganisationName));
        foreach (var (key, name) in organisations)
        {
            var others = context.CrossRecord.Find(PartyKeyKinds.Organisation, key)
                .Where(o => o.ProposalId != proposal.Id && o.OwnerId != proposal.OwnerId && IsOpen(o.Status)
                    && (o.ApproachedAt - proposal.ApproachedAt).Duration() <= window)
                .GroupBy(o => o.ProposalId).Select(g => g.First()).ToList();
            var researchers = others.Select(o => o.OwnerId).Append(proposal.OwnerId).Distinct().Count();
            if (researchers < policy.MinResearchers!.Value) continue;
            yield return new FlagCandidate(Code, key,
                $"\"{name}\" approaches {researchers} researchers at once",
                $"\"{name}\" is on open proposals of {researchers} different investigators within {policy.WindowDays} days of this one.",
                new
                {
                    Organisation = name, NormalisedName = key, Researchers = researchers, policy.WindowDays,
                    OtherProposalCount = others.Count,
                    // The approaches nearest in time to this one, oldest first.
                    Proposals = others.OrderBy(o => (o.ApproachedAt - proposal.ApproachedAt).Duration()).ThenBy(o => o.ProposalId)
                        .Take(RiskEvidence.MaxOtherRecordsListed).OrderBy(o => o.ApproachedAt)
                        .Select(o => new { o.ProposalId, o.OwnerId, o.ApproachedAt, Written = o.OrganisationName }).ToList(),
                },
                CrossRecord: true);
        }
    }
}
