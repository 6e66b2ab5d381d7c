using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>
/// One of my proposals: status, screening progress (htmx polls the Progress handler while the worker runs; without
/// JavaScript the page offers a refresh link), what screening found, and the reviewers' questions with answer forms.
/// </summary>
public sealed class DetailsModel(ApiClient api, IOptions<WebOptions> web) : PageModel
{
    public ProposalResponse Proposal { get; private set; } = null!;
    public ProposalScreening Screening { get; private set; } = null!;
    public IReadOnlyList<InformationRequestResponse> Questions { get; private set; } = [];
    public string PollTrigger => $"every {(int)web.Value.ProgressPollInterval.TotalMilliseconds}ms";

    [BindProperty] public string? Answer { get; set; }
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>The review dossier as a Word file (the API decides which version this user gets).</summary>
    public async Task<IActionResult> OnGetDossierAsync(Guid id, CancellationToken ct)
    {
        var (content, contentType, fileName) = await api.DownloadDossierAsync(id, ct);
        return File(content, contentType, fileName ?? $"review-dossier-{id}.docx");
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        Screening = await api.GetScreeningAsync(id, ct);
        Proposal = await api.GetProposalAsync(id, ct);
        return Partial("_ScreeningProgress", this);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        try
        {
            await api.AnswerInformationRequestAsync(id, requestId, Answer, ct);
            Saved = "Your answer was sent to the reviewer.";
            return RedirectToPage(new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict)
        {
            ModelState.AddApiErrors(e, string.Empty);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string etag, CancellationToken ct)
    {
        await api.WithdrawProposalAsync(id, etag, null, ct);
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var proposal = api.GetProposalAsync(id, ct);
        var screening = api.GetScreeningAsync(id, ct);
        var questions = api.ListInformationRequestsAsync(id, ct);
        Proposal = await proposal;
        Screening = await screening;
        Questions = await questions;
    }
}
