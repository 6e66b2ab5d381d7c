using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Approaches;

/// <summary>One report: what was reported and how the office handled it; reviewers also see the hits and proposals and triage it here.</summary>
public sealed class ReportModel(ApiClient api) : PageModel
{
    public ApproachReportResponse Report { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [BindProperty] public ApproachOutcome? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool CanTriage => User.IsInRole(Infrastructure.Roles.IntegrityReviewer);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Report = await api.GetApproachReportAsync(id, ct);
            return Page();
        }
        catch (ApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => api.StartApproachReviewAsync(id, ct), "The report is under your review.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => api.CloseApproachReportAsync(id, Outcome, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), ct), "The report is closed.", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<ApproachReportResponse>> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            Message = done;
            return RedirectToPage("Report", new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            ModelState.AddApiErrors(e, string.Empty);
            if (!e.IsValidation) ModelState.AddModelError(string.Empty, ApiProblemModelState.Describe(e));
            Report = await api.GetApproachReportAsync(id, ct);
            return Page();
        }
    }
}
