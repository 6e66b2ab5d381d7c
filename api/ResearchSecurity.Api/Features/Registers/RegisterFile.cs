using ResearchSecurity.Core.Registers;

namespace ResearchSecurity.Api.Features.Registers;

/// <summary>
/// Streams a register to a temporary file (rows go from the database cursor through the SAX writer, never all in
/// memory), writes the <see cref="AuditEventType.RegisterExported"/> event with the filters and the row count, and
/// answers the file. The temporary file deletes itself when the response has been sent.
/// </summary>
public static class RegisterFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<FileStreamHttpResult> SendAsync(string register, RegisterSheet sheet, IReadOnlyList<(string Name, string? Value)> filters,
        ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var applied = filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => (f.Name, f.Value!)).ToList();
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var counts = await RegisterWorkbookWriter.WriteAsync(file, new RegisterExportInfo(sheet.Name, now, user.Id, applied), [sheet], ct);
            db.Audit(AuditEventType.RegisterExported, "Register", null, null, AuditChanges.Of(null, new
            {
                Register = register, Rows = counts[0], Filters = applied.ToDictionary(f => f.Name, f => f.Item2),
            }));
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            return TypedResults.File(file, ContentType, $"{register}-register-{now:yyyyMMdd-HHmmss}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static RouteHandlerBuilder ProducesWorkbook(this RouteHandlerBuilder endpoint) => endpoint.ProducesFile(ContentType);
}
