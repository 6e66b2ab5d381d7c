namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// Bulk import of visiting researchers from the office's spreadsheets: a template, a preview that checks every row,
/// the import itself (all or nothing, or the valid rows only) and the rejected rows as a workbook to fix. The importing
/// investigator owns the people imported, exactly as if they had created them one by one, and each is screened through
/// the normal outbox.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports/visitors").WithTags("Imports").RequireAuthorization(Policies.VisitorImport);
        GetVisitorImportTemplate.Map(group);
        PreviewVisitorImport.Map(group);
        ImportVisitors.Map(group);
        ExportVisitorImportErrors.Map(group);
    }
}

public sealed record VisitorRowResult(int Row, string? Name, bool Valid, IReadOnlyList<RowError> Errors);

public sealed record VisitorImportPreview(string FileName, string Format, string Sha256, int Rows, int Valid, int Invalid, IReadOnlyList<VisitorRowResult> Results);

public static class VisitorImportResults
{
    public static VisitorImportPreview Preview(VisitorImportFile.Upload file, IReadOnlyList<VisitorImportCheck.CheckedRow> rows) => new(
        file.FileName, file.Format, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Bytes)),
        rows.Count, rows.Count(r => r.IsValid), rows.Count(r => !r.IsValid),
        rows.Select(r => new VisitorRowResult(r.Row, r.Name, r.IsValid, r.Errors)).ToList());

    /// <summary>A refused file: 413 for its size, 422 for what is in it; the reason is the problem's detail and the "file" field's error.</summary>
    public static ProblemHttpResult Refused(string reason, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(title: "The visitor file was refused; nothing was imported.", detail: reason, statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [reason] } });

    public static async Task<(VisitorImportFile.Upload? File, ProblemHttpResult? Refusal)> ReceiveAsync(IFormFile? file,
        ResearchSecurity.Screening.Import.ImportLimits limits, VisitorImportOptions options, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, Refused("Upload the visitor sheet as the multipart field \"file\".", StatusCodes.Status400BadRequest));
        if (file.Length > options.MaxFileBytes)
            return (null, Refused($"The file is {file.Length} bytes; the limit is {options.MaxFileBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        var read = await VisitorImportFile.ReadAsync(file, limits, options, ct);
        return read.File is null ? (null, Refused(read.Refusal!)) : (read.File, null);
    }

    /// <summary>
    /// Uploads are multipart bodies bigger than the JSON limit. The endpoint admits bodies up to twice the import's
    /// limit, so a file somewhat over it reaches the handler's 413 with its reason; a far larger body gets the server's
    /// bare 413 before anything is read.
    /// </summary>
    public static RouteHandlerBuilder AcceptsVisitorFile(this RouteHandlerBuilder endpoint, RouteGroupBuilder group)
    {
        var limit = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<VisitorImportOptions>>().Value.MaxFileBytes;
        return endpoint.DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 * limit))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
