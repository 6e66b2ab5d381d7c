using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages;

/// <summary>The home page: for each role the user holds, what waits for them.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public IReadOnlyList<ProposalSummary> MyProposals { get; private set; } = [];
    public int MyProposalCount { get; private set; }
    public IReadOnlyList<ProposalSummary> WaitingForMe { get; private set; } = [];
    public IReadOnlyList<QueueItem> AssignedToMe { get; private set; } = [];
    public IReadOnlyList<QueueItem> Unassigned { get; private set; } = [];
    public int UnassignedCount { get; private set; }
    public IReadOnlyList<FundingSourceResponse> Funding { get; private set; } = [];
    public int FundingCount { get; private set; }
    public IReadOnlyList<WatchlistResponse> Watchlists { get; private set; } = [];
    public IReadOnlyList<JobResponse> Jobs { get; private set; } = [];
    public IReadOnlyList<AuditEventResponse> RecentAudit { get; private set; } = [];
    public int AuditCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tasks = new List<Task>();
        if (User.IsInRole(Roles.Investigator)) tasks.Add(LoadInvestigatorAsync(ct));
        if (User.IsInRole(Roles.IntegrityReviewer)) tasks.Add(LoadReviewerAsync(ct));
        if (User.IsInRole(Roles.GrantOfficer)) tasks.Add(LoadGrantOfficerAsync(ct));
        if (User.IsInRole(Roles.Administrator)) tasks.Add(LoadAdministratorAsync(ct));
        if (User.IsInRole(Roles.Auditor)) tasks.Add(LoadAuditorAsync(ct));
        await Task.WhenAll(tasks);
    }

    private async Task LoadInvestigatorAsync(CancellationToken ct)
    {
        var recentCall = api.ListProposalsAsync(pageSize: 10, sort: "-updatedAt", ct: ct);
        var waitingCall = api.ListProposalsAsync(pageSize: 10, status: ProposalStatus.InfoRequested, ct: ct);
        var recent = await recentCall;
        MyProposals = recent.Items;
        MyProposalCount = recent.TotalCount;
        WaitingForMe = (await waitingCall).Items;
    }

    private async Task LoadReviewerAsync(CancellationToken ct)
    {
        var mine = api.ReviewQueueAsync(new QueueFilter(null, null, "me", null, null, 1, 10), ct);
        var open = api.ReviewQueueAsync(new QueueFilter(null, null, "unassigned", null, null, 1, 10), ct);
        AssignedToMe = (await mine).Items;
        var unassigned = await open;
        Unassigned = unassigned.Items;
        UnassignedCount = unassigned.TotalCount;
    }

    private async Task LoadGrantOfficerAsync(CancellationToken ct)
    {
        var funding = await api.ListFundingSourcesAsync(pageSize: 10, ct: ct);
        Funding = funding.Items;
        FundingCount = funding.TotalCount;
    }

    private async Task LoadAdministratorAsync(CancellationToken ct)
    {
        var lists = api.ListWatchlistsAsync(ct);
        var jobs = api.ListJobsAsync(ct);
        Watchlists = await lists;
        Jobs = (await jobs).Take(5).ToList();
    }

    private async Task LoadAuditorAsync(CancellationToken ct)
    {
        var events = await api.ListAuditEventsAsync(pageSize: 10, ct: ct);
        RecentAudit = events.Items;
        AuditCount = events.TotalCount;
    }
}
