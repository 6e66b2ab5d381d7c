using ResearchSecurity.Core.ApproachReports;

namespace ResearchSecurity.Api.Features.ApproachReports;

public static class ListApproachReports
{
    public sealed record ListApproachReportsRequest(int? Page, int? PageSize, ApproachReportStatus? Status, string? Sort);

    private static readonly SortOrder<ApproachReport> Sorts = new SortOrder<ApproachReport>()
        .By("createdAt", r => r.CreatedAt).By("approachedOn", r => r.ApproachedOn).By("status", r => r.Status).Default("-createdAt");

    public sealed class Validator : AbstractValidator<ListApproachReportsRequest>
    {
        public Validator() => Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts.Values);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListApproachReportsRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .WithName(nameof(ListApproachReports))
            .WithSummary("List approach reports")
            .WithDescription("The caller's own reports; reviewers and auditors see every report (the triage queue: filter `status=New`).")
            .Validate<ListApproachReportsRequest>();

    public static async Task<Ok<PagedList<ApproachReportSummary>>> Handle(ListApproachReportsRequest request, ResearchSecurityDbContext db,
        CurrentUser user, CancellationToken ct)
    {
        var query = db.ApproachReports.AsNoTracking().VisibleTo(user);
        if (request.Status is { } status) query = query.Where(r => r.Status == status);
        return TypedResults.Ok(await Sorts.Apply(query, request.Sort).ToPageAsync(request.Page, request.PageSize, r => new ApproachReportSummary(
            r.Id, r.OwnerId, r.ApproacherName, r.ApproacherOrganisation, r.Channel, r.ApproachedOn, r.Status, r.Outcome, r.CreatedAt), ct));
    }
}
