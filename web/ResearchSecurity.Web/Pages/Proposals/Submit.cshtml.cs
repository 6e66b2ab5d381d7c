using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Step 5: everything on one page, then submit for screening and review.</summary>
public sealed class SubmitModel(ApiClient api) : PageModel
{
    public ProposalResponse Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Proposal = await api.GetProposalAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            // Submitting changes no field, and the worker may have moved the ETag since the page was shown (risk).
            var current = await api.GetProposalAsync(id, ct);
            await api.SubmitProposalAsync(id, current.ETag, ct);
            return RedirectToPage("/Proposals/Details", new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddApiErrors(e, string.Empty);
            Proposal = await api.GetProposalAsync(id, ct);
            return Page();
        }
    }
}
