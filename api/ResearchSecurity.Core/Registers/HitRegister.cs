using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Registers;

/// <summary>
/// The screening-hits register: one row per hit with what was screened, the listed entity, the list and its version,
/// the alias matched, the score and the reviewer's disposition.
/// </summary>
public static class HitRegister
{
    public static readonly IReadOnlyList<RegisterColumn> Columns =
    [
        new("Hit id", Width: 38), new("Proposal id", Width: 38), new("Subject", Width: 18), new("Field", Width: 16),
        new("Text screened", Width: 48), new("Listed entity", Width: 40), new("List", Width: 24),
        new("List version", RegisterCellKind.Whole, 8), new("Alias matched", Width: 36), new("Score", RegisterCellKind.Decimal, 8),
        new("Status", Width: 12), new("Disposition", Width: 16), new("Reason", Width: 24), new("Note", Width: 40),
        new("Disposed by", Width: 24), new("Disposed at", RegisterCellKind.Timestamp, 20), new("Raised at", RegisterCellKind.Timestamp, 20),
    ];

    public static RegisterSheet Sheet(IQueryable<ScreeningHit> hits, ResearchSecurityDbContext db) => new("Screening hits", Columns, Rows(hits, db));

    private static async IAsyncEnumerable<object?[]> Rows(IQueryable<ScreeningHit> hits, ResearchSecurityDbContext db)
    {
        var query = from h in hits.AsNoTracking()
                    join v in db.ListVersions.AsNoTracking() on h.ListVersionId equals v.Id into versions
                    from v in versions.DefaultIfEmpty()
                    orderby h.RaisedAt
                    select new
                    {
                        h.Id, h.ProposalId, h.SubjectType, h.Field, h.TextScreened, h.EntityName, h.WatchlistId, Version = (int?)v.Number,
                        h.MatchedName, h.Score, h.Status, h.Disposition, h.DispositionReason, h.DispositionNote, h.DisposedBy, h.DisposedAt, h.RaisedAt,
                    };
        // One streamed query: a split query (the context's default) would buffer the parent rows to run the next query.
        await foreach (var h in query.AsSingleQuery().AsAsyncEnumerable())
            yield return
            [
                h.Id.ToString(), h.ProposalId?.ToString(), h.SubjectType, h.Field, h.TextScreened, h.EntityName, h.WatchlistId, h.Version,
                h.MatchedName, Math.Round(h.Score, 3), h.Status.ToString(), h.Disposition.ToString(), h.DispositionReason, h.DispositionNote,
                h.DisposedBy, h.DisposedAt, h.RaisedAt,
            ];
    }
}
