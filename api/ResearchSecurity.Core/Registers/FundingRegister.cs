using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Core.Registers;

/// <summary>The funding register: one row per funding source; the amount is a number beside its ISO currency code.</summary>
public static class FundingRegister
{
    public static readonly IReadOnlyList<RegisterColumn> Columns =
    [
        new("Funding id", Width: 38), new("Funder", Width: 36), new("Country", Width: 9), new("Sponsor", Width: 30),
        new("Payer", Width: 30), new("Amount", RegisterCellKind.Amount, 16), new("Currency", Width: 9),
        new("In kind", Width: 30), new("Proposal id", Width: 38), new("Person id", Width: 38), new("Created", RegisterCellKind.Timestamp, 20),
    ];

    public static RegisterSheet Sheet(IQueryable<FundingSource> funding) => new("Funding sources", Columns, Rows(funding));

    private static async IAsyncEnumerable<object?[]> Rows(IQueryable<FundingSource> funding)
    {
        var query = funding.AsNoTracking().OrderBy(f => f.CreatedAt).Select(f => new
        {
            f.Id, f.FunderName, f.Country, f.Sponsor, f.Payer, f.Amount, f.Currency, f.InKindDescription, f.ProposalId, f.PersonId, f.CreatedAt,
        });
        // One streamed query: a split query (the context's default) would buffer the parent rows to run the next query.
        await foreach (var f in query.AsSingleQuery().AsAsyncEnumerable())
            yield return
            [
                f.Id.ToString(), f.FunderName, f.Country, f.Sponsor, f.Payer, f.Amount, f.Currency, f.InKindDescription,
                f.ProposalId?.ToString(), f.PersonId?.ToString(), f.CreatedAt,
            ];
    }
}
