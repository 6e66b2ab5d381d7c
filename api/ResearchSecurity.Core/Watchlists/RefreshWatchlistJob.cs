using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// Fetches a URL-sourced list on its schedule. The same bytes as a stored version create nothing; a new file becomes
/// a version and is activated (which queues the re-screen) unless it would remove more than
/// <see cref="ListSourceOptions.MaxRemovedShare"/> of the active entities (then it waits for an administrator); a file
/// that does not parse is rejected and audited, and the active version stays in force. Downloads go through
/// <see cref="ListSourceFetcher"/>.
/// </summary>
public sealed class RefreshWatchlistJob(ResearchSecurityDbContext db, IHttpClientFactory http, IBackgroundJobClient jobs, IOptions<JobsOptions> options,
    ILogger<RefreshWatchlistJob> log, IOptions<ListSourceOptions>? sources = null, IHostEnvironment? environment = null,
    IOptions<ImportLimits>? limits = null)
{
    private readonly ListSourceOptions _sources = sources?.Value ?? new ListSourceOptions();

    public const string HttpClientName = "watchlist-refresh";

    public static string RecurringJobId(string watchlistId) => $"watchlist-refresh:{watchlistId}";

    /// <summary>Adds, changes or removes the recurring refresh of a list to match its source and schedule.</summary>
    public static void Schedule(IRecurringJobManager recurring, Watchlist watchlist)
    {
        if (watchlist.Source == WatchlistSource.Url && !string.IsNullOrWhiteSpace(watchlist.RefreshCron))
        {
            var id = watchlist.Id;
            recurring.AddOrUpdate<RefreshWatchlistJob>(RecurringJobId(id), j => j.RunAsync(id, null, CancellationToken.None), watchlist.RefreshCron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else recurring.RemoveIfExists(RecurringJobId(watchlist.Id));
    }

    public async Task RunAsync(string watchlistId, PerformContext? context, CancellationToken ct)
    {
        var watchlist = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == watchlistId, ct);
        if (watchlist?.SourceUrl is null) return;
        var fetcher = new ListSourceFetcher(http, Options.Create(_sources), options, environment ?? new ProductionEnvironment());
        var bytes = await fetcher.FetchAsync(watchlist.SourceUrl, ct);
        var fileName = Path.GetFileName(new Uri(watchlist.SourceUrl).AbsolutePath);
        var outcome = await ListVersionImport.ImportAsync(db, watchlist, bytes, string.IsNullOrEmpty(fileName) ? "list" : fileName, ImportMode.Strict,
            $"job:{RecurringJobId(watchlistId)}", ct, limits?.Value);
        if (outcome.Unchanged || outcome.Rejected)
        {
            log.LogInformation("Refresh of {Watchlist}: {Outcome}", watchlistId, outcome.Unchanged ? "unchanged" : $"rejected ({outcome.Errors.Count} errors)");
            return;
        }
        if (await ListVersionHold.RemovedShareAsync(db, watchlist, outcome.Version!, ct) is { } share && share > _sources.MaxRemovedShare)
        {
            await ListVersionHold.HoldAsync(db, watchlist, outcome.Version!, share, _sources.MaxRemovedShare, ct);
            log.LogWarning("Refresh of {Watchlist}: version {Number} would remove {Share:P0} of the entities; held for an administrator",
                watchlistId, outcome.Version!.Number, share);
            return;
        }
        await ListVersionActivation.ActivateAsync(db, jobs, watchlist, outcome.Version!, $"job:{RecurringJobId(watchlistId)}", ct);
    }

    /// <summary>Without a host environment (a job built by hand) the strict, non-Development rules apply.</summary>
    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "ResearchSecurity";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
