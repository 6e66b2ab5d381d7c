using ResearchSecurity.Api.Features.Reviews;
using ResearchSecurity.Core.ApproachReports;
using ResearchSecurity.Core.Risk;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.ApproachReports;

public sealed record ApproachReportSummary(Guid Id, string ReporterId, string? ApproacherName, string? ApproacherOrganisation, ApproachChannel Channel,
    DateOnly ApproachedOn, ApproachReportStatus Status, ApproachOutcome? Outcome, DateTimeOffset CreatedAt);

/// <summary>A proposal a report is evidence on (reviewers and auditors only).</summary>
public sealed record ReportedOnProposal(Guid ProposalId, Guid FlagId, string Title, FlagStatus Status);

/// <summary>
/// One report. The reporter sees what they wrote and how it was triaged; reviewers and auditors also see the screening
/// hits on the reported party and the proposals the report raised a flag on (<c>null</c> for the reporter).
/// </summary>
public sealed record ApproachReportResponse(
    Guid Id, string ReporterId, string? ApproacherName, string? ApproacherOrganisation, string? ApproacherEmail, string? ApproacherPhone,
    string? Country, ApproachChannel Channel, IReadOnlyList<string> Asks, DateOnly ApproachedOn, string Description,
    ApproachReportStatus Status, ApproachOutcome? Outcome, string? OutcomeNote, string? TriagedBy, DateTimeOffset? ReviewStartedAt,
    string? ClosedBy, DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt, string ETag,
    IReadOnlyList<HitResponse>? Hits, IReadOnlyList<ReportedOnProposal>? Proposals)
{
    public static async Task<ApproachReportResponse> LoadAsync(ResearchSecurityDbContext db, ApproachReport r, CurrentUser user, CancellationToken ct)
    {
        List<HitResponse>? hits = null;
        List<ReportedOnProposal>? proposals = null;
        if (user.SeesAllRecords)
        {
            var found = await (from h in db.ScreeningHits.AsNoTracking()
                               where h.SubjectType == SubjectTypes.ApproachReport && h.SubjectId == r.Id
                               join v in db.ListVersions.AsNoTracking() on h.ListVersionId equals v.Id into versions
                               from v in versions.DefaultIfEmpty()
                               orderby h.Status, h.Score descending
                               select new { Hit = h, Number = (int?)v.Number }).ToListAsync(ct);
            hits = found.Select(h => h.Hit.ToResponse(h.Number)).ToList();
            var key = r.Id.ToString();
            proposals = await (from f in db.RiskFlags.AsNoTracking()
                               where f.Rule == RuleCodes.ReportedApproach && f.Key == key
                               join p in db.Proposals.AsNoTracking().IgnoreAutoIncludes() on f.ProposalId equals p.Id
                               orderby f.RaisedAt
                               select new ReportedOnProposal(p.Id, f.Id, p.Title, f.Status)).ToListAsync(ct);
        }
        return new ApproachReportResponse(r.Id, r.OwnerId, r.ApproacherName, r.ApproacherOrganisation, r.ApproacherEmail, r.ApproacherPhone,
            r.Country, r.Channel, r.Asks, r.ApproachedOn, r.Description, r.Status, r.Outcome, r.OutcomeNote, r.TriagedBy, r.ReviewStartedAt,
            r.ClosedBy, r.ClosedAt, r.CreatedAt, ETags.For(r.Version), hits, proposals);
    }

    /// <summary>What an audit event records of a report's state.</summary>
    public static object Snapshot(ApproachReport r) => new { Status = r.Status.ToString(), Outcome = r.Outcome?.ToString(), r.OutcomeNote };
}

public static class ApproachReportAccess
{
    /// <summary>Reviewers and auditors see every report; everyone else only the reports they filed.</summary>
    public static IQueryable<ApproachReport> VisibleTo(this IQueryable<ApproachReport> reports, CurrentUser user) =>
        user.SeesAllRecords ? reports : reports.Where(r => r.OwnerId == user.Id);
}
