using ResearchSecurity.Core.ApproachReports;

namespace ResearchSecurity.Api.Features.ApproachReports;

/// <summary>A reviewer closes a report under review with the office's outcome (UnderReview → Closed).</summary>
public static class CloseApproachReport
{
    public sealed record CloseApproachReportRequest(ApproachOutcome? Outcome, string? Note);

    public sealed class Validator : AbstractValidator<CloseApproachReportRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage("Required.").IsInEnum();
            RuleFor(x => x.Note).NotEmpty().WithMessage("Required: why the office concluded this.").MaximumLength(4000);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/close", Handle).WithName(nameof(CloseApproachReport))
            .WithSummary("Close an approach report with an outcome")
            .WithDescription("Closes a report under review as `NoConcern`, `Suspicious` or `ReferredToSecurity`, with a note. A report closed as `NoConcern` stops counting as evidence for the risk rules. Answers 409 unless the report is UnderReview.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct)
            .Validate<CloseApproachReportRequest>();

    public static async Task<Results<Ok<ApproachReportResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(Guid id,
        CloseApproachReportRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var report = await db.ApproachReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return TypedResults.NotFound();
        if (ETags.Check(http, db, report, required: false) is ProblemHttpResult precondition) return precondition;
        var before = ApproachReportResponse.Snapshot(report);
        report.Close(user.Id, request.Outcome!.Value, request.Note!, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ApproachReportClosed, nameof(ApproachReport), report.Id, null, AuditChanges.Of(before, ApproachReportResponse.Snapshot(report)));
        await db.SaveChangesAsync(ct);
        ETags.Set(http, report.Version);
        return TypedResults.Ok(await ApproachReportResponse.LoadAsync(db, report, user, ct));
    }
}
