using System.Net.Http.Headers;

namespace ResearchSecurity.Web.Api;

public sealed record VisitorRowError(int Row, string? Column, string Reason);

public sealed record VisitorRowResult(int Row, string? Name, bool Valid, IReadOnlyList<VisitorRowError> Errors);

public sealed record VisitorImportPreview(string FileName, string Format, string Sha256, int Rows, int Valid, int Invalid, IReadOnlyList<VisitorRowResult> Results);

public sealed record VisitorImportResult(string FileName, string Sha256, string Mode, int Imported, int Skipped, IReadOnlyList<Guid> PersonIds,
    IReadOnlyList<VisitorRowResult> Rejected);

/// <summary>The registers (Excel downloads) and the visiting-researcher bulk import.</summary>
public sealed partial class ApiClient
{
    /// <summary>The registers the API serves, by the name in their path.</summary>
    public static readonly IReadOnlySet<string> Registers = new HashSet<string>(StringComparer.Ordinal)
        { "proposals", "visitors", "funding-sources", "hits", "decisions" };

    public Task<(byte[] Content, string ContentType, string? FileName)> DownloadRegisterAsync(string register,
        IEnumerable<(string Name, string? Value)> filters, CancellationToken ct = default) =>
        DownloadAsync(Query($"api/v1/registers/{register}", [.. filters]), ct);

    public Task<(byte[] Content, string ContentType, string? FileName)> DownloadVisitorTemplateAsync(CancellationToken ct = default) =>
        DownloadAsync("api/v1/imports/visitors/template", ct);

    public Task<VisitorImportPreview> PreviewVisitorImportAsync(byte[] file, string fileName, CancellationToken ct = default) =>
        PostFileAsync<VisitorImportPreview>("api/v1/imports/visitors/preview", file, fileName, ct);

    public Task<VisitorImportResult> ImportVisitorsAsync(byte[] file, string fileName, string mode, CancellationToken ct = default) =>
        PostFileAsync<VisitorImportResult>(Query("api/v1/imports/visitors", ("mode", mode)), file, fileName, ct);

    public async Task<(byte[] Content, string ContentType, string? FileName)> DownloadVisitorImportErrorsAsync(byte[] file, string fileName, CancellationToken ct = default)
    {
        using var response = await http.PostAsync("api/v1/imports/visitors/errors", FileContent(file, fileName), ct);
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, ct);
        return (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    private async Task<T> PostFileAsync<T>(string path, byte[] file, string fileName, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, FileContent(file, fileName), ct);
        return await ReadAsync<T>(response, ct);
    }

    private static MultipartFormDataContent FileContent(byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }
}
