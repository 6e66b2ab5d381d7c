using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Core.People;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// Imports the visitors of an uploaded sheet in one transaction: every person with their audit event, and the
/// screening runs the outbox queues for them, commit together or not at all — a crash or a failed save half-way
/// leaves nothing, and the same file can simply be sent again.
/// </summary>
public static class ImportVisitors
{
    public enum VisitorImportMode { AllOrNothing, ValidRowsOnly }

    public sealed record VisitorImportResult(string FileName, string Sha256, VisitorImportMode Mode, int Imported, int Skipped,
        IReadOnlyList<Guid> PersonIds, IReadOnlyList<VisitorRowResult> Rejected);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(ImportVisitors))
            .WithSummary("Import visiting researchers")
            .WithDescription("Creates one person per valid row of an uploaded visitor sheet (multipart field `file`), owned by the caller and screened like any person. `mode=AllOrNothing` (default) imports nothing when any row has an error (422 with the rows); `mode=ValidRowsOnly` imports the valid rows and reports the rest. One transaction; audited.")
            .AcceptsVisitorFile(group);

    public static async Task<Results<Created<VisitorImportResult>, ProblemHttpResult, ValidationProblem>> Handle(IFormFile? file, [FromQuery] string? mode,
        ResearchSecurityDbContext db, CurrentUser user, IOptions<ImportLimits> limits, IOptions<VisitorImportOptions> options, CancellationToken ct)
    {
        if (!Enum.TryParse<VisitorImportMode>(mode ?? nameof(VisitorImportMode.AllOrNothing), ignoreCase: true, out var importMode) || !Enum.IsDefined(importMode))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["Use AllOrNothing or ValidRowsOnly."] });
        var (upload, refusal) = await VisitorImportResults.ReceiveAsync(file, limits.Value, options.Value, ct);
        if (upload is null) return refusal!;
        var rows = await VisitorImportCheck.CheckAsync(upload.Rows, db, user, ct);
        var preview = VisitorImportResults.Preview(upload, rows);
        if (importMode == VisitorImportMode.AllOrNothing && preview.Invalid > 0)
            return TypedResults.Problem(title: "The visitor sheet has rows with errors; nothing was imported.",
                detail: $"{preview.Invalid} of {preview.Rows} rows have errors. Fix them (GET the errors workbook with the same file) or import with mode=ValidRowsOnly.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["rows"] = preview.Results.Where(r => !r.Valid).ToList() });
        if (preview.Valid == 0)
            return TypedResults.Problem(title: "No row of the visitor sheet is valid; nothing was imported.", statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["rows"] = preview.Results });

        var now = db.Clock.GetUtcNow();
        var people = new List<Person>(preview.Valid);
        // One save: the people, their audit events, the import's own event and the screening outbox rows commit together.
        foreach (var row in rows.Where(r => r.IsValid)) people.Add(CreatePerson.Add(db, row.Request, user.Id, now));
        db.Audit(AuditEventType.VisitorsImported, "VisitorImport", null, null, AuditChanges.Of(null, new
        {
            upload.FileName, preview.Sha256, Mode = importMode.ToString(), preview.Rows, Imported = people.Count, Skipped = preview.Invalid,
        }));
        await db.SaveChangesAsync(ct);

        var result = new VisitorImportResult(upload.FileName, preview.Sha256, importMode, people.Count, preview.Invalid,
            people.Select(p => p.Id).ToList(), preview.Results.Where(r => !r.Valid).ToList());
        return TypedResults.Created("/api/v1/people", result);
    }
}
