using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Admin.Jobs;

/// <summary>
/// A background job's progress bar. With JavaScript, htmx polls the Progress handler and swaps the panel until the
/// job finishes; without it, the panel offers a refresh link.
/// </summary>
public sealed class DetailsModel(ApiClient api, IOptions<WebOptions> options) : PageModel
{
    public JobResponse Job { get; private set; } = null!;

    public TimeSpan PollInterval => options.Value.ProgressPollInterval;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Job = await api.GetJobAsync(id, ct);

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        Job = await api.GetJobAsync(id, ct);
        return Partial("_JobProgress", this);
    }
}
