using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Admin.Watchlists;

/// <summary>Registers a list: uploaded by hand, or fetched from a URL on a cron schedule. The API validates; its errors land on the fields.</summary>
public sealed class RegisterModel(ApiClient api) : PageModel
{
    [BindProperty]
    public RegisterWatchlistRequest Input { get; set; } = new(null, null, WatchlistFormat.Auto, WatchlistSource.Upload, null, null, 3);

    public static IEnumerable<SelectListItem> Formats(WatchlistFormat? selected) =>
        Enum.GetValues<WatchlistFormat>().Select(f => new SelectListItem(FormatName(f), f.ToString(), f == selected));

    public static string FormatName(WatchlistFormat f) => f switch
    {
        WatchlistFormat.Auto => "Detect from the file",
        WatchlistFormat.FollowTheMoney => "FollowTheMoney (JSON lines)",
        WatchlistFormat.MispGalaxy => "MISP galaxy (JSON)",
        WatchlistFormat.TradeCsl => "Consolidated Screening List (CSV)",
        WatchlistFormat.GenericCsv => "Own list (CSV with a name column)",
        _ => "Own list (Excel with a name column)",
    };

    public static IEnumerable<SelectListItem> Severities(int? selected) =>
        Enumerable.Range(1, 4).Select(s => new SelectListItem($"{s} — {SeverityName(s)}", s.ToString(), s == selected));

    private static string SeverityName(int s) => s switch { 1 => "lowest", 2 => "low", 3 => "high", _ => "highest" };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input with
        {
            Id = Input.Id?.Trim(), DisplayName = Input.DisplayName?.Trim(),
            SourceUrl = string.IsNullOrWhiteSpace(Input.SourceUrl) ? null : Input.SourceUrl.Trim(),
            RefreshCron = string.IsNullOrWhiteSpace(Input.RefreshCron) ? null : Input.RefreshCron.Trim(),
        };
        try
        {
            var created = await api.RegisterWatchlistAsync(request, ct);
            TempData["Message"] = $"Registered {created.DisplayName}. Upload its first version next.";
            return RedirectToPage("Upload", new { id = created.Id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.BadRequest)
        {
            if (e.IsValidation) ModelState.AddApiErrors(e);
            else ModelState.AddModelError(e.Status == System.Net.HttpStatusCode.Conflict ? "Input.Id" : "Input.RefreshCron", ApiProblemModelState.Describe(e));
            return Page();
        }
    }
}
