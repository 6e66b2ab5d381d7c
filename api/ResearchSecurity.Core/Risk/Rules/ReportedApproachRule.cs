using ResearchSecurity.Core.ApproachReports;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 11: a party on this proposal — partner, funder, sponsor, payer, member, a member's affiliation or visit sponsor
/// — is the party of a suspicious-approach report the office has not closed as of no concern. One flag per report,
/// with what matched and how. The report is another person's record, so the flag is cross-record: reviewers and
/// auditors see its evidence, the investigator does not.
/// </summary>
public sealed class ReportedApproachRule : IRiskRule
{
    public string Code => RuleCodes.ReportedApproach;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        if (context.ReportedApproaches.Count == 0) yield break;
        var mentions = ReportedParties.MentionsOf(proposal).ToList();
        foreach (var report in context.ReportedApproaches.OrderBy(r => r.Id))
        {
            var matched = mentions.Where(m => report.Keys.TryGetValue(m.Kind, out var value) && value == m.Value)
                .DistinctBy(m => (m.Kind, m.On, m.Written)).OrderBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.On, StringComparer.Ordinal).ToList();
            if (matched.Count == 0) continue;
            var party = report.Organisation ?? report.Person ?? "the reported party";
            yield return new FlagCandidate(Code, report.Id.ToString(),
                $"\"{party}\" was reported in a suspicious approach",
                $"A party on this proposal matches the approach report of {report.ApproachedOn:yyyy-MM-dd} ({report.Channel}) by {string.Join(", ", matched.Select(m => m.Kind).Distinct())}.",
                new
                {
                    ReportId = report.Id, report.ApproachedOn, Channel = report.Channel.ToString(), report.Asks, ReportStatus = report.Status.ToString(),
                    Outcome = report.Outcome?.ToString(), ReportedOrganisation = report.Organisation, ReportedPerson = report.Person,
                    Matches = matched.Select(m => new { m.Kind, m.On, m.Written, NormalisedValue = m.Value }).ToList(),
                },
                CrossRecord: true);
        }
    }
}
