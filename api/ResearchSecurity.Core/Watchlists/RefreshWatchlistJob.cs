using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// Fetches a URL-sourced list on its schedule. The same bytes as a stored version create nothing; a new file becomes
/// a version and is activated (which queues the re-screen); a file that does not parse is rejected and audited, and
/// the active version stays in force.
/// </summary>
public sealed class RefreshWatchlistJob(ResearchSecurityDbContext db, IHttpClientFactory http, IBackgroundJobClient jobs, IOptions<JobsOptions> options,
    ILogger<RefreshWatchlistJob> log)
{
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
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.GetAsync(watchlist.SourceUrl, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > options.Value.MaxListFileBytes)
            throw new InvalidOperationException($"{watchlist.SourceUrl} is larger than {options.Value.MaxListFileBytes} bytes.");
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var fileName = Path.GetFileName(new Uri(watchlist.SourceUrl).AbsolutePath);
        var outcome = await ListVersionImport.ImportAsync(db, watchlist, bytes, string.IsNullOrEmpty(fileName) ? "list" : fileName, ImportMode.Strict,
            $"job:{RecurringJobId(watchlistId)}", ct);
        if (outcome.Unchanged || outcome.Rejected)
        {
            log.LogInformation("Refresh of {Watchlist}: {Outcome}", watchlistId, outcome.Unchanged ? "unchanged" : $"rejected ({outcome.Errors.Count} errors)");
            return;
        }
        await ListVersionActivation.ActivateAsync(db, jobs, watchlist, outcome.Version!, $"job:{RecurringJobId(watchlistId)}", ct);
    }
}
