using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Approaches;

/// <summary>Approach reports: a member of staff sees the ones they filed; reviewers and auditors see all (the triage queue).</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public ApproachReportStatus? Status { get; set; }
    [TempData] public string? Message { get; set; }

    public PagedList<ApproachReportSummary> Reports { get; private set; } = new([], 1, 20, 0);

    public bool SeesAll => User.IsInRole(Infrastructure.Roles.IntegrityReviewer) || User.IsInRole(Infrastructure.Roles.Auditor);

    public async Task OnGetAsync(CancellationToken ct) => Reports = await api.ListApproachReportsAsync(Math.Max(1, P), Status, ct);
}
