using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Step 3: the people on the proposal; each one is added or edited on its own page.</summary>
public sealed class PeopleModel(ApiClient api) : PageModel
{
    public ProposalResponse Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Proposal = await api.GetProposalAsync(id, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid personId, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        var members = Proposal.Members.Where(m => m.PersonId != personId).Select(m => new MemberRequest(m.PersonId, m.Role)).ToList();
        await api.UpdateProposalAsync(id, Proposal.ETag, ProposalForms.Keep(Proposal) with { Members = members }, ct);
        return RedirectToPage(new { id });
    }
}
