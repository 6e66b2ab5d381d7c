using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Jobs;

/// <summary>The most recent background jobs (re-screens, list refreshes), newest first.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public IReadOnlyList<JobResponse> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await api.ListJobsAsync(ct);
}
