using ResearchSecurity.Core.ApproachReports;

namespace ResearchSecurity.Api.Features.ApproachReports;

/// <summary>Any member of staff reports a suspicious approach; the reported party is screened and becomes evidence for the risk rules.</summary>
public static class FileApproachReport
{
    public sealed record ApproachReportRequest(
        string? ApproacherName, string? ApproacherOrganisation, string? ApproacherEmail, string? ApproacherPhone, string? Country,
        ApproachChannel? Channel, IReadOnlyList<string>? Asks, DateOnly? ApproachedOn, string? Description)
    {
        public ApproachDetails ToDetails() => new(ApproacherName, ApproacherOrganisation, ApproacherEmail, ApproacherPhone, Country, Channel!.Value,
            Asks ?? [], ApproachedOn!.Value, Description!);
    }

    public sealed class Validator : AbstractValidator<ApproachReportRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.ApproacherOrganisation).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.ApproacherName))
                .WithMessage("Name the person or the organisation that approached (or both).").MaximumLength(500);
            RuleFor(x => x.ApproacherName).MaximumLength(300);
            RuleFor(x => x.ApproacherEmail).EmailAddress().MaximumLength(320);
            RuleFor(x => x.ApproacherPhone).MaximumLength(50);
            RuleFor(x => x.Country).CountryCode();
            RuleFor(x => x.Channel).NotNull().WithMessage("Required.").IsInEnum();
            RuleForEach(x => x.Asks).Must(a => ApproachAsks.All.Contains(a))
                .WithMessage($"Must be one of: {string.Join(", ", ApproachAsks.All)}.");
            RuleFor(x => x.Asks).Must(a => a is null || a.Count <= ApproachAsks.All.Count).WithMessage("Too many entries.");
            RuleFor(x => x.ApproachedOn).NotNull().WithMessage("Required.")
                .Must(d => d is null || d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("Must not be in the future.");
            RuleFor(x => x.Description).NotEmpty().WithMessage("Required: what happened, in your words.").MaximumLength(8000);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(FileApproachReport))
            .WithSummary("Report a suspicious approach")
            .WithDescription("Any signed-in member of staff reports who approached them (person and/or organisation, as written), how, what they asked for, when, and what happened. The reporter sees only their own reports; research-integrity reviewers triage them. The reported party is screened against the watchlists and is evidence for the `reported-approach` risk rule.")
            .Validate<ApproachReportRequest>()
            .Idempotent()
            .WithRequestExample(new ApproachReportRequest("Dr Wang Lei", "Harbin Engineering University", "wang.lei@example.org", null, "CN",
                ApproachChannel.Conference, [ApproachAsks.Data, ApproachAsks.LectureWithPaidTravel], new DateOnly(2026, 11, 20),
                "At the poster session he asked for our unpublished sonar data set and offered a paid lecture tour."));

    public static async Task<Created<ApproachReportResponse>> Handle(ApproachReportRequest request, ResearchSecurityDbContext db, CurrentUser user,
        HttpContext http, CancellationToken ct)
    {
        var report = ApproachReport.File(user.Id, request.ToDetails(), db.Clock.GetUtcNow());
        db.ApproachReports.Add(report);
        // The audit event names the report, not the reporter's words: the description stays in the report itself.
        db.Audit(AuditEventType.ApproachReported, nameof(ApproachReport), report.Id, null, AuditChanges.Of(null, new
        {
            Channel = report.Channel.ToString(), report.Asks, report.ApproachedOn, Status = report.Status.ToString(),
        }));
        db.NotifyReviewers(NotificationKind.ApproachReported, null, report.Id);
        await db.SaveChangesAsync(ct);
        ETags.Set(http, report.Version);
        return TypedResults.Created($"/api/v1/approach-reports/{report.Id}", await ApproachReportResponse.LoadAsync(db, report, user, ct));
    }
}
