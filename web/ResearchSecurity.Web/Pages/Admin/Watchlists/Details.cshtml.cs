using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Watchlists;

/// <summary>One list: its settings and every version uploaded, with the version in force; activating a version starts the re-screen.</summary>
public sealed class DetailsModel(ApiClient api) : PageModel
{
    public WatchlistResponse Watchlist { get; private set; } = null!;
    public IReadOnlyList<ListVersionResponse> Versions { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var watchlist = api.GetWatchlistAsync(id, ct);
        var versions = api.ListVersionsAsync(id, ct);
        Watchlist = await watchlist;
        Versions = await versions;
    }

    /// <summary>Activation answers with the re-screen job; its progress page follows it.</summary>
    public async Task<IActionResult> OnPostActivateAsync(string id, int number, CancellationToken ct)
    {
        try
        {
            var job = await api.ActivateListVersionAsync(id, number, ct);
            return RedirectToPage("/Admin/Jobs/Details", new { id = job.Id });
        }
        catch (ApiException e) when (e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.BadRequest)
        {
            ModelState.AddModelError(string.Empty, ApiProblemModelState.Describe(e));
            await OnGetAsync(id, ct);
            return Page();
        }
    }
}
