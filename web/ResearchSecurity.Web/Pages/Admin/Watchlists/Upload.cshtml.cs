using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Watchlists;

/// <summary>
/// Uploads a new version of a list (multipart, handed on to the API). Strict by default: a file with any bad row is
/// refused and its row errors are shown as a table; the version in force stays. A new version is not yet in force:
/// the administrator sees its changes first.
/// </summary>
public sealed class UploadModel(ApiClient api) : PageModel
{
    public WatchlistResponse Watchlist { get; private set; } = null!;

    [BindProperty]
    public IFormFile? ListFile { get; set; }

    [BindProperty]
    public bool KeepGoodRows { get; set; }

    /// <summary>Set when the API refused the file.</summary>
    public ListUploadOutcome? Refused { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct) => Watchlist = await api.GetWatchlistAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Watchlist = await api.GetWatchlistAsync(id, ct);
        if (ListFile is null || ListFile.Length == 0)
        {
            ModelState.AddModelError(nameof(ListFile), "Choose the list file to upload.");
            return Page();
        }
        try
        {
            await using var stream = ListFile.OpenReadStream();
            var outcome = await api.UploadListVersionAsync(id, stream, Path.GetFileName(ListFile.FileName), KeepGoodRows, ct);
            if (outcome.Rejected)
            {
                Refused = outcome;
                ModelState.AddModelError(nameof(ListFile), $"The file was refused: {outcome.Errors.Count} row error(s). The version in force stays.");
                return Page();
            }
            var version = outcome.Version!;
            TempData["Message"] = outcome.Unchanged
                ? $"This file is the same as version {version.Number}; nothing new was stored."
                : $"Stored version {version.Number} with {version.EntityCount:N0} entities"
                  + (version.ErrorCount > 0 ? $" ({version.ErrorCount} bad rows skipped)" : "") + ". It is not in force until you activate it.";
            return RedirectToPage("Diff", new { id, number = version.Number });
        }
        catch (ApiException e) when (e.IsValidation || e.Status == System.Net.HttpStatusCode.RequestEntityTooLarge)
        {
            foreach (var message in e.Problem.Errors.SelectMany(f => f.Value).DefaultIfEmpty(ApiProblemModelState.Describe(e)))
                ModelState.AddModelError(nameof(ListFile), message);
            return Page();
        }
    }
}
