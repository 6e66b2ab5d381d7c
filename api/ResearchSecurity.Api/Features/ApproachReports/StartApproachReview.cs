using ResearchSecurity.Core.ApproachReports;

namespace ResearchSecurity.Api.Features.ApproachReports;

/// <summary>A reviewer takes a new report under review (New → UnderReview).</summary>
public static class StartApproachReview
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/review", Handle).WithName(nameof(StartApproachReview))
            .WithSummary("Take an approach report under review")
            .WithDescription("Moves a New report to UnderReview, recording the reviewer. Answers 409 from any other state.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct);

    public static async Task<Results<Ok<ApproachReportResponse>, NotFound, ProblemHttpResult>> Handle(Guid id, ResearchSecurityDbContext db,
        CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var report = await db.ApproachReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return TypedResults.NotFound();
        if (ETags.Check(http, db, report, required: false) is ProblemHttpResult precondition) return precondition;
        var before = ApproachReportResponse.Snapshot(report);
        report.StartReview(user.Id, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ApproachReviewStarted, nameof(ApproachReport), report.Id, null, AuditChanges.Of(before, ApproachReportResponse.Snapshot(report)));
        await db.SaveChangesAsync(ct);
        ETags.Set(http, report.Version);
        return TypedResults.Ok(await ApproachReportResponse.LoadAsync(db, report, user, ct));
    }
}
