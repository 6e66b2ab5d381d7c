using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Registers;

/// <summary>The proposals register: one row per proposal, with its partners, countries and member count.</summary>
public static class ProposalRegister
{
    public static readonly IReadOnlyList<RegisterColumn> Columns =
    [
        new("Proposal id", Width: 38), new("Title", Width: 48), new("Status", Width: 20), new("Risk", Width: 12),
        new("Owner", Width: 24), new("Technology areas", Width: 30), new("Partners", Width: 48), new("Partner countries", Width: 18),
        new("Members", RegisterCellKind.Whole, 10), new("Created", RegisterCellKind.Timestamp, 20),
        new("Submitted", RegisterCellKind.Timestamp, 20), new("Updated", RegisterCellKind.Timestamp, 20),
    ];

    /// <summary><paramref name="proposals"/> is already filtered to what the exporter may see; rows stream from one query.</summary>
    public static RegisterSheet Sheet(IQueryable<Proposal> proposals) => new("Proposals", Columns, Rows(proposals));

    private static async IAsyncEnumerable<object?[]> Rows(IQueryable<Proposal> proposals)
    {
        var query = proposals.AsNoTracking().OrderBy(p => p.CreatedAt).Select(p => new
        {
            p.Id, p.Title, p.Status, p.RiskLevel, p.OwnerId, p.TechnologyAreas,
            Partners = p.Partners.OrderBy(x => x.Name).Select(x => new { x.Name, x.Country }).ToList(),
            Members = p.Members.Count, p.CreatedAt, p.SubmittedAt, p.UpdatedAt,
        });
        // One streamed query: a split query (the context's default) would buffer the parent rows to run the next query.
        await foreach (var p in query.AsSingleQuery().AsAsyncEnumerable())
            yield return
            [
                p.Id.ToString(), p.Title, p.Status.ToString(), p.RiskLevel.ToString(), p.OwnerId, string.Join("; ", p.TechnologyAreas),
                string.Join("; ", p.Partners.Select(x => x.Name)), string.Join("; ", p.Partners.Select(x => x.Country).Distinct()),
                p.Members, p.CreatedAt, p.SubmittedAt, p.UpdatedAt,
            ];
    }
}
