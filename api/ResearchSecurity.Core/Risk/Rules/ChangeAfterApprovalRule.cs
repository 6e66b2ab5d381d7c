namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 4: a partner, end user, funder, payer or person changed after approval (which reopened review). One flag per
/// reopening, naming every change from which value to which — "a sudden change of end user" is a red flag itself.
/// </summary>
public sealed class ChangeAfterApprovalRule : IRiskRule
{
    public string Code => RuleCodes.ChangeAfterApproval;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        foreach (var reopening in proposal.Changes.GroupBy(c => c.ReopeningId))
        {
            var changes = reopening.OrderBy(c => c.Part, StringComparer.Ordinal).ToList();
            var described = changes.Select(Describe).ToList();
            yield return new FlagCandidate(Code, reopening.Key.ToString(),
                $"Changed after approval: {string.Join("; ", described)}",
                $"After the proposal was approved, {string.Join("; ", described)}. The approval no longer covers the collaboration.",
                new
                {
                    ChangedAt = changes.Max(c => c.ChangedAt),
                    Changes = changes.Select(c => new { c.Part, c.Action, c.From, c.To }).ToList(),
                });
        }
    }

    private static string Describe(ChangeFact c) => c.Action switch
    {
        "added" => $"{c.Part} \"{c.To}\" added",
        "removed" => $"{c.Part} \"{c.From}\" removed",
        _ => $"{c.Part} \"{c.From}\" → \"{c.To}\"",
    };
}
