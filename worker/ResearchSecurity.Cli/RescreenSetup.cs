using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Cli;

/// <summary>Shared steps of the re-screen verbs: a list with one version in force, and the next version activated.</summary>
internal static class RescreenSetup
{
    public const string ListId = "us-1286";

    public static string Edition(int fiscalYear) =>
        Path.Combine(SubjectSeeder.SharedData, "watchlists", "ftm", $"us-dod-section-1286-fy{fiscalYear}.ftm.jsonl");

    /// <summary>Registers the list and puts <paramref name="fiscalYear"/>'s edition in force without a re-screen (nothing is stored yet).</summary>
    public static async Task RegisterAsync(ResearchSecurityDbContext db, int fiscalYear)
    {
        var watchlist = Watchlist.Register(ListId, "US DoD §1286", WatchlistFormat.FollowTheMoney, WatchlistSource.Upload, null, null, 4, "cli",
            db.Clock.GetUtcNow());
        db.Watchlists.Add(watchlist);
        await db.SaveChangesAsync();
        var outcome = await ImportAsync(db, watchlist, fiscalYear);
        watchlist.Activate(outcome, null, "cli", db.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public static async Task<ListVersion> ImportAsync(ResearchSecurityDbContext db, Watchlist watchlist, int fiscalYear)
    {
        var outcome = await ListVersionImport.ImportAsync(db, watchlist, await File.ReadAllBytesAsync(Edition(fiscalYear)),
            Path.GetFileName(Edition(fiscalYear)), ImportMode.Strict, "cli", CancellationToken.None);
        return outcome.Version ?? throw new InvalidOperationException(string.Join("\n", outcome.Errors));
    }

    /// <summary>Names of the listed institutions of an edition, to seed subjects that will hit.</summary>
    public static IReadOnlyList<string> ListedNames(int fiscalYear)
    {
        using var file = File.OpenRead(Edition(fiscalYear));
        return WatchlistImport.Import(file, Path.GetFileName(Edition(fiscalYear))).List!.Entities.Select(e => e.Name).ToList();
    }

    /// <summary>
    /// Puts <paramref name="fiscalYear"/>'s edition in force again after <paramref name="previousYear"/>'s (importing it once), with no hits stored,
    /// so every run starts from the same state. Returns the re-screen's progress row; it is enqueued only when <paramref name="jobs"/> is given.
    /// </summary>
    public static async Task<Guid> ActivateNextAsync(ResearchSecurityDbContext db, int previousYear, int fiscalYear, Hangfire.IBackgroundJobClient? jobs)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM screening_hits WHERE watchlist_id = {ListId}");
        var watchlist = await db.Watchlists.SingleAsync(w => w.Id == ListId);
        var versions = await db.ListVersions.Where(v => v.WatchlistId == ListId).ToListAsync();
        var previous = versions.Single(v => v.FileName == Path.GetFileName(Edition(previousYear)));
        if (watchlist.ActiveVersionId != previous.Id)
        {
            watchlist.Activate(previous, versions.Single(v => v.Id == watchlist.ActiveVersionId), "cli", db.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var next = versions.FirstOrDefault(v => v.FileName == Path.GetFileName(Edition(fiscalYear))) ?? await ImportAsync(db, watchlist, fiscalYear);
        var progress = await ListVersionActivation.ActivateAsync(db, jobs, watchlist, next, "cli", CancellationToken.None);
        return progress.Id;
    }
}
