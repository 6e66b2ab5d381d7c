using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Watchlists;

/// <summary>
/// What a version changes against the one before it (or any other): entities added, removed, changed, and removed/added
/// pairs that are most likely the same institution renamed. Read before activating.
/// </summary>
public sealed class DiffModel(ApiClient api) : PageModel
{
    public WatchlistResponse Watchlist { get; private set; } = null!;
    public ListVersionResponse Version { get; private set; } = null!;
    public IReadOnlyList<ListVersionResponse> Versions { get; private set; } = [];
    public VersionDiff Diff { get; private set; } = null!;

    public async Task OnGetAsync(string id, int number, int? against, CancellationToken ct)
    {
        var watchlist = api.GetWatchlistAsync(id, ct);
        var versions = api.ListVersionsAsync(id, ct);
        var diff = api.DiffListVersionAsync(id, number, against, ct);
        Watchlist = await watchlist;
        Versions = await versions;
        Diff = await diff;
        Version = Versions.FirstOrDefault(v => v.Number == number) ?? await api.GetListVersionAsync(id, number, ct);
    }
}
