using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Audit;

/// <summary>
/// Everything that happened to one proposal, in order, as a JSON document (default) or an Excel workbook
/// (<c>?format=xlsx</c>) an auditor can file. Exports are audited.
/// </summary>
public static class ExportProposalAuditTrail
{
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record AuditTrailExport(Guid ProposalId, string Title, DateTimeOffset ExportedAt, string ExportedBy, IReadOnlyList<AuditEventResponse> Events);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/proposals/{proposalId:guid}/export", Handle).WithName(nameof(ExportProposalAuditTrail))
            .WithSummary("Export a proposal's audit trail")
            .WithDescription("Everything that happened to one proposal, in order, as JSON (default) or an Excel workbook (`format=xlsx`). The export is itself audited.")
            // The handler answers a file result, which carries no type: name both media types it can send.
            .Produces<AuditTrailExport>(StatusCodes.Status200OK, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Responses?["200"].Content?.Add(WorkbookContentType,
                    new Microsoft.OpenApi.OpenApiMediaType { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" } });
                return Task.CompletedTask;
            });

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Handle(
        Guid proposalId, string? format, ResearchSecurityDbContext db, CurrentUser user, AuditObservationQueue observations, CancellationToken ct)
    {
        await observations.FlushAsync(ct);
        if (format is not (null or "json" or "xlsx"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Must be json or xlsx."] });
        var title = await db.Proposals.IgnoreAutoIncludes().Where(p => p.Id == proposalId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.ProposalId == proposalId).OrderBy(a => a.Sequence).ToListAsync(ct);
        if (title is null && events.Count == 0) return TypedResults.NotFound();

        var now = db.Clock.GetUtcNow();
        db.Audit(AuditEventType.AuditTrailExported, nameof(Proposal), proposalId, proposalId,
            AuditChanges.Of(null, new { Events = events.Count, Format = format ?? "json" }));
        await db.SaveChangesAsync(ct);
        title ??= "(deleted draft)";
        if (format == "xlsx")
            return TypedResults.File(AuditTrailWorkbook.Build(title, proposalId, now, user.Id, events),
                WorkbookContentType, $"audit-trail-{proposalId}.xlsx");

        var export = new AuditTrailExport(proposalId, title, now, user.Id, events.AsQueryable().Select(AuditProjection.ToResponse).ToList());
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, AuditExportJson.Options);
        return TypedResults.File(json, "application/json", $"audit-trail-{proposalId}.json");
    }
}

internal static class AuditExportJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
