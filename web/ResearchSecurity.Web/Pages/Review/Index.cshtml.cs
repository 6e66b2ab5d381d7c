using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Review;

/// <summary>The reviewers' queue: filters (risk, state, assignee, age), sort by risk or age, paging, and claim.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    private static readonly string[] Sorts = ["-risk", "risk", "age", "-age"];

    [BindProperty(SupportsGet = true)] public RiskLevel? MinRisk { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public int? OlderThanDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<QueueItem> Queue { get; private set; } = new([], 1, 20, 0);
    [TempData] public string? Message { get; set; }

    public static readonly IReadOnlyList<ProposalStatus> QueueStates =
        [ProposalStatus.Submitted, ProposalStatus.Screening, ProposalStatus.InReview, ProposalStatus.InfoRequested, ProposalStatus.Escalated];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Sort is not null && !Sorts.Contains(Sort)) Sort = null;
        if (Assignee is not (null or "" or "me" or "unassigned")) Assignee = null;
        if (OlderThanDays is < 0 or > 3650) OlderThanDays = null;
        if (Status is { } s && !QueueStates.Contains(s)) Status = null;
        Queue = await api.ReviewQueueAsync(new QueueFilter(MinRisk, Status, Assignee, OlderThanDays, Sort, Math.Max(1, PageNumber), 20), ct);
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid proposalId, CancellationToken ct)
    {
        try
        {
            await api.ClaimReviewAsync(proposalId, ct);
            Message = "Claimed: the proposal is assigned to you.";
        }
        catch (ApiException e) when (e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.Forbidden)
        {
            Message = ApiProblemModelState.Describe(e);
        }
        return RedirectToPage(Filters());
    }

    public object Filters(int? page = null, string? sort = null) =>
        new { MinRisk, Status, Assignee, OlderThanDays, Sort = sort ?? Sort, p = page ?? PageNumber };

    public string SortLink(string field) => Url.Page("/Review/Index", Filters(1, Sort == "-" + field ? field : "-" + field))!;

    public string? SortState(string field) => Sort == field ? "ascending" : Sort == "-" + field || (field == "risk" && Sort is null) ? "descending" : null;
}
