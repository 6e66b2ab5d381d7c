using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Watchlists;

/// <summary>The registered watchlists and the version each has in force.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public IReadOnlyList<WatchlistResponse> Watchlists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Watchlists = await api.ListWatchlistsAsync(ct);
}
