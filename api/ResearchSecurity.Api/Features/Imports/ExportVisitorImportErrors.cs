using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Features.Registers;
using ResearchSecurity.Core.Registers;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// The rows of an upload that would be rejected, as a workbook to fix and send again: the uploaded columns as they
/// were, with three more — the row in the uploaded file, the column(s) at fault and the reason(s).
/// </summary>
public static class ExportVisitorImportErrors
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/errors", Handle).WithName(nameof(ExportVisitorImportErrors))
            .WithSummary("Download a visitor sheet's row errors")
            .WithDescription("The rows of an uploaded visitor sheet (multipart field `file`) that have errors, as an Excel workbook: the uploaded columns plus the row, column and reason of each error. Stores nothing.")
            .AcceptsVisitorFile(group)
            .ProducesWorkbook();

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(IFormFile? file, ResearchSecurityDbContext db, CurrentUser user,
        IOptions<ImportLimits> limits, IOptions<VisitorImportOptions> options, CancellationToken ct)
    {
        var (upload, refusal) = await VisitorImportResults.ReceiveAsync(file, limits.Value, options.Value, ct);
        if (upload is null) return refusal!;
        var rows = await VisitorImportCheck.CheckAsync(upload.Rows, db, user, ct);
        var rejected = rows.Where(r => !r.IsValid).Select(r => r.Row).ToHashSet();

        // The template's columns first, then any other column the uploaded sheet had, so nothing the sender wrote is lost.
        var known = VisitorSheet.Columns.Select(c => c.Key).ToHashSet();
        var extra = upload.Headers.Where(h => !known.Contains(h)).ToList();
        var columns = VisitorSheet.Columns.Select(c => new RegisterColumn(c.Header, c.IsDate ? RegisterCellKind.Date : RegisterCellKind.Text, 22))
            .Concat(extra.Select(h => new RegisterColumn(h, Width: 18)))
            .Concat([new("Error row", RegisterCellKind.Whole, 10), new("Error column", Width: 22), new("Reason", Width: 70)]).ToList();
        var byRow = rows.ToDictionary(r => r.Row);
        var lines = upload.Rows.Where(r => rejected.Contains(r.Row)).Select(r =>
        {
            var errors = byRow[r.Row].Errors;
            var cells = VisitorSheet.Columns.Select(c => Cell(r.Get(c.Key), c.IsDate))
                .Concat(extra.Select(h => (object?)r.Get(h)))
                .Concat([r.Row, string.Join("\n", errors.Select(e => e.Column ?? "")), string.Join("\n", errors.Select(e => e.Reason))]);
            return cells.ToArray();
        }).ToList();

        var now = db.Clock.GetUtcNow();
        var sheet = new RegisterSheet("Rows with errors", columns, lines.ToAsyncEnumerable());
        var output = new MemoryStream();
        await RegisterWorkbookWriter.WriteAsync(output, new RegisterExportInfo($"Rows with errors in {upload.FileName}", now, user.Id,
            [("uploaded rows", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]), [sheet], ct);
        output.Position = 0;
        return TypedResults.File(output, RegisterFile.ContentType, "visitor-import-errors.xlsx");
    }

    /// <summary>A date the sender wrote stays a date; text that is not one stays as they wrote it, so they can see what to fix.</summary>
    private static object? Cell(string value, bool isDate) =>
        value.Length == 0 ? null : isDate && VisitorSheet.TryDate(value, out var date) ? date : value;
}
