using System.Text.Json;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Screening;

public sealed record SubjectRunResponse(string SubjectType, Guid SubjectId, string Outcome, string? FailureReason, string Fields, string ListVersions,
    DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int HitCount);

public sealed record HitResponse(Guid Id, string SubjectType, Guid SubjectId, Guid? PersonId, string Field, string TextScreened, string WatchlistId,
    Guid ListVersionId, int? ListVersionNumber, string EntityId, string EntityName, string MatchedName, string Segment, double Score, string Status,
    string? HistoricalReason, JsonElement Explanation, Disposition Disposition, string? DispositionReason, DateTimeOffset RaisedAt,
    DateTimeOffset? ReRaisedAt, string? ReRaisedReason);

public sealed record ProposalScreeningResponse(Guid ProposalId, string Status, IReadOnlyList<string> FailureReasons, int Subjects, int Pending,
    int Running, int Done, int Failed, IReadOnlyList<SubjectRunResponse> Runs, IReadOnlyList<HitResponse> Hits);

/// <summary>
/// A proposal's screening: overall status (pending, running, done, failed with reasons), the latest run of each
/// subject, and the hits. Investigators see their own proposals; grant officers see any proposal's funding-related
/// hits only; reviewers and auditors see all.
/// </summary>
public static class GetProposalScreening
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/screening", Handle).WithName(nameof(GetProposalScreening))
            .WithSummary("Get a proposal's screening")
            .WithDescription("The screening runs and hits of one proposal; investigators see their own proposals'.");

    public static async Task<Results<Ok<ProposalScreeningResponse>, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CurrentUser user,
        CancellationToken ct)
    {
        var fundingOnly = user.IsInRole(Roles.GrantOfficer) && !user.SeesAllRecords && !user.IsInRole(Roles.Investigator);
        var visible = fundingOnly
            ? db.Proposals.IgnoreAutoIncludes().Where(p => p.Status != Core.Proposals.ProposalStatus.Draft)
            : db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db);
        if (!await visible.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();

        var status = await ProposalScreening.StatusAsync(db, id, ct);
        var members = await db.ProposalMembers.AsNoTracking().Where(m => m.ProposalId == id).Select(m => m.PersonId).ToListAsync(ct);
        var hits = await (from h in db.ScreeningHits.AsNoTracking()
                          join v in db.ListVersions.AsNoTracking() on h.ListVersionId equals v.Id
                          where h.ProposalId == id || (h.PersonId != null && members.Contains(h.PersonId.Value))
                          orderby h.Status, h.Score descending
                          select new { h, v.Number }).ToListAsync(ct);
        var runs = status.LatestRuns;
        if (fundingOnly)
        {
            hits = hits.Where(x => x.h.IsFundingRelated).ToList();
            runs = runs.Where(r => r.SubjectType == SubjectTypes.FundingSource).ToList();
        }
        return TypedResults.Ok(new ProposalScreeningResponse(id, status.Status, status.FailureReasons.ToList(), status.Subjects, status.Pending,
            status.Running, status.Done, status.Failed,
            runs.OrderBy(r => r.SubjectType).ThenBy(r => r.SubjectId).Select(r => new SubjectRunResponse(r.SubjectType, r.SubjectId,
                r.Outcome.ToString().ToLowerInvariant(), r.FailureReason, r.Fields, r.ListVersions, r.QueuedAt, r.StartedAt, r.FinishedAt, r.HitCount)).ToList(),
            hits.Select(x => new HitResponse(x.h.Id, x.h.SubjectType, x.h.SubjectId, x.h.PersonId, x.h.Field, x.h.TextScreened, x.h.WatchlistId,
                x.h.ListVersionId, x.Number, x.h.EntityId, x.h.EntityName, x.h.MatchedName, x.h.Segment, x.h.Score, x.h.Status.ToString().ToLowerInvariant(),
                x.h.HistoricalReason, JsonDocument.Parse(x.h.Explanation).RootElement.Clone(), x.h.Disposition, x.h.DispositionReason, x.h.RaisedAt,
                x.h.ReRaisedAt, x.h.ReRaisedReason)).ToList()));
    }
}
