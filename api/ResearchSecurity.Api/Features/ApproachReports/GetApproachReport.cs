namespace ResearchSecurity.Api.Features.ApproachReports;

public static class GetApproachReport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetApproachReport))
            .WithSummary("Get an approach report")
            .WithDescription("One report. The reporter sees their own (anyone else's answers 404); reviewers and auditors also see the screening hits on the reported party and the proposals it raised a flag on.");

    public static async Task<Results<Ok<ApproachReportResponse>, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CurrentUser user,
        HttpContext http, CancellationToken ct)
    {
        var report = await db.ApproachReports.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return TypedResults.NotFound();
        ETags.Set(http, report.Version);
        return TypedResults.Ok(await ApproachReportResponse.LoadAsync(db, report, user, ct));
    }
}
