using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Core.Registers;

/// <summary>The decisions register: one row per decision with its rationale, the four-eyes confirmation and the conditions.</summary>
public static class DecisionRegister
{
    public static readonly IReadOnlyList<RegisterColumn> Columns =
    [
        new("Decision id", Width: 38), new("Proposal id", Width: 38), new("Proposal", Width: 40), new("Outcome", Width: 22),
        new("State", Width: 20), new("Rationale", Width: 60), new("Risk at decision", Width: 14),
        new("Risk policy version", RegisterCellKind.Whole, 10), new("Decided by", Width: 24), new("Decided at", RegisterCellKind.Timestamp, 20),
        new("Confirmed by", Width: 24), new("Confirmed at", RegisterCellKind.Timestamp, 20), new("Conditions (owner, due)", Width: 60),
    ];

    public static RegisterSheet Sheet(IQueryable<ReviewDecision> decisions, IQueryable<Proposals.Proposal> proposals) =>
        new("Decisions", Columns, Rows(decisions, proposals));

    private static async IAsyncEnumerable<object?[]> Rows(IQueryable<ReviewDecision> decisions, IQueryable<Proposals.Proposal> proposals)
    {
        var query = from d in decisions.AsNoTracking()
                    join p in proposals.AsNoTracking() on d.ProposalId equals p.Id
                    orderby d.DecidedAt
                    select new
                    {
                        d.Id, d.ProposalId, p.Title, d.Outcome, d.State, d.Rationale, d.RiskAtDecision, d.RiskPolicyVersion,
                        d.DecidedBy, d.DecidedAt, d.ConfirmedBy, d.ConfirmedAt,
                        Conditions = d.Conditions.OrderBy(c => c.DueDate).Select(c => new { c.Description, c.Owner, c.DueDate }).ToList(),
                    };
        // One streamed query: a split query (the context's default) would buffer the parent rows to run the next query.
        await foreach (var d in query.AsSingleQuery().AsAsyncEnumerable())
            yield return
            [
                d.Id.ToString(), d.ProposalId.ToString(), d.Title, d.Outcome.ToString(), d.State.ToString(), d.Rationale,
                d.RiskAtDecision.ToString(), d.RiskPolicyVersion, d.DecidedBy, d.DecidedAt, d.ConfirmedBy, d.ConfirmedAt,
                string.Join("\n", d.Conditions.Select(c => $"{c.Description} ({c.Owner}, due {c.DueDate:yyyy-MM-dd})")),
            ];
    }
}
