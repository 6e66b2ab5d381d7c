using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>My proposals: status, whether a reviewer is waiting for an answer; sortable and paged like the API.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    private static readonly string[] Sorts = ["title", "-title", "status", "-status", "updatedAt", "-updatedAt"];

    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<ProposalSummary> Proposals { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Sort is not null && !Sorts.Contains(Sort)) Sort = null;
        Proposals = await api.ListProposalsAsync(Math.Max(1, PageNumber), 20, Status, Q, Sort ?? "-updatedAt", ct);
    }

    public string SortLink(string field) => Url.Page("/Proposals/Index", new { Status, Q, Sort = Sort == field ? "-" + field : field })!;

    public string? SortState(string field) => Sort == field ? "ascending" : Sort == "-" + field ? "descending" : null;
}
