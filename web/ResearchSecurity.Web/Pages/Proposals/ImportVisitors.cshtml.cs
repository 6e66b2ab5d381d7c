using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Distributed;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>
/// Bulk import of visiting researchers: download the template, upload the filled-in sheet, see what each row would
/// do, then import. Between preview and import the uploaded file waits in the server-side cache under a random key
/// bound to the signed-in user (a browser cannot send a file again by itself), for <see cref="Keep"/> at most.
/// </summary>
public sealed class ImportVisitorsModel(ApiClient api, IDistributedCache cache) : PageModel
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(30);
    private const long MaxUploadBytes = 10 * 1024 * 1024;

    public VisitorImportPreview? Preview { get; private set; }
    public VisitorImportResult? Result { get; private set; }
    [BindProperty] public string? Upload { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var (content, contentType, fileName) = await api.DownloadVisitorTemplateAsync(ct);
        return File(content, contentType, fileName ?? "visitor-import-template.xlsx");
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Fail("Choose the filled-in template (.xlsx) or a CSV UTF-8 file.");
        if (file.Length > MaxUploadBytes) return Fail($"The file is {file.Length:N0} bytes; the limit is {MaxUploadBytes:N0}.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var name = Path.GetFileName(file.FileName);
        try { Preview = await api.PreviewVisitorImportAsync(buffer.ToArray(), name, ct); }
        catch (ApiException e) when ((int)e.Status is 400 or 413 or 422) { return Fail(e.Problem.Detail ?? e.Problem.Title ?? "The file was refused."); }

        Upload = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await cache.SetAsync(CacheKey(Upload), Pack(name, buffer.ToArray()), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep }, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string mode, CancellationToken ct)
    {
        if (await StoredAsync(ct) is not { } stored) return Fail("The uploaded file is no longer here (it is kept for 30 minutes); upload it again.");
        try { Result = await api.ImportVisitorsAsync(stored.Bytes, stored.Name, mode == "AllOrNothing" ? "AllOrNothing" : "ValidRowsOnly", ct); }
        catch (ApiException e) when ((int)e.Status is 400 or 413 or 422) { return Fail(e.Problem.Detail ?? e.Problem.Title ?? "Nothing was imported."); }
        await cache.RemoveAsync(CacheKey(Upload!), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostErrorsAsync(CancellationToken ct)
    {
        if (await StoredAsync(ct) is not { } stored) return Fail("The uploaded file is no longer here (it is kept for 30 minutes); upload it again.");
        var (content, contentType, fileName) = await api.DownloadVisitorImportErrorsAsync(stored.Bytes, stored.Name, ct);
        return File(content, contentType, fileName ?? "visitor-import-errors.xlsx");
    }

    private IActionResult Fail(string message)
    {
        Error = message;
        return Page();
    }

    private string CacheKey(string upload) => $"visitor-import:{User.FindFirst("sub")?.Value}:{upload}";

    private async Task<(string Name, byte[] Bytes)?> StoredAsync(CancellationToken ct)
    {
        if (Upload is not { Length: 32 } || !Upload.All(Uri.IsHexDigit)) return null;
        return await cache.GetAsync(CacheKey(Upload), ct) is { } packed ? Unpack(packed) : null;
    }

    // The file name travels with the bytes: [name length][UTF-8 name][bytes].
    private static byte[] Pack(string name, byte[] bytes)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        var packed = new byte[4 + nameBytes.Length + bytes.Length];
        BitConverter.TryWriteBytes(packed.AsSpan(0, 4), nameBytes.Length);
        nameBytes.CopyTo(packed, 4);
        bytes.CopyTo(packed, 4 + nameBytes.Length);
        return packed;
    }

    private static (string Name, byte[] Bytes) Unpack(byte[] packed)
    {
        var length = BitConverter.ToInt32(packed, 0);
        return (System.Text.Encoding.UTF8.GetString(packed, 4, length), packed[(4 + length)..]);
    }
}
