using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Cli;

/// <summary>
/// import-lists [--connection CS] --list id=path [id=path ...]
/// Registers each watchlist if it is new, stores the file as a version (strict: a file with any bad row is refused)
/// and puts it in force. The same bytes again change nothing, so the run command can call this at every start.
/// The re-screen the activation queues is picked up by the worker's sweeper.
/// </summary>
internal static class ImportListsVerb
{
    /// <summary>Display name and severity (1–4) of the lists a university office typically starts with.</summary>
    private static readonly Dictionary<string, (string Name, int Severity, WatchlistFormat Format)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aspi"] = ("ASPI China Defence Universities Tracker", 3, WatchlistFormat.MispGalaxy),
        ["us-1286"] = ("US DoD §1286 list (foreign institutions of concern)", 4, WatchlistFormat.FollowTheMoney),
        ["us-1260h"] = ("US DoD §1260H list (Chinese military companies)", 4, WatchlistFormat.FollowTheMoney),
        ["us-csl"] = ("US Consolidated Screening List", 4, WatchlistFormat.TradeCsl),
    };

    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        var lists = args.All("list").Select(l => l.Split('=', 2)).ToList();
        if (lists.Count == 0 || lists.Any(l => l.Length != 2))
        {
            await Console.Error.WriteLineAsync("usage: import-lists [--connection CS] --list id=path [id=path ...]");
            return 2;
        }
        await using var db = CliDatabase.Open(CliDatabase.ConnectionString(args), "import-lists");
        var failed = 0;
        foreach (var (id, path) in lists.Select(l => (l[0], l[1])))
        {
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"  {id}: {path} not found, skipped");
                continue;
            }
            var (name, severity, format) = Known.TryGetValue(id, out var k) ? k : (id, 3, WatchlistFormat.Auto);
            var watchlist = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == id);
            if (watchlist is null)
            {
                watchlist = Watchlist.Register(id, name, format, WatchlistSource.Upload, null, null, severity, "import-lists", db.Clock.GetUtcNow());
                db.Watchlists.Add(watchlist);
                await db.SaveChangesAsync();
            }
            var outcome = await ListVersionImport.ImportAsync(db, watchlist, await File.ReadAllBytesAsync(path), Path.GetFileName(path),
                ImportMode.Strict, "import-lists", CancellationToken.None);
            if (outcome.Rejected)
            {
                failed++;
                await Console.Error.WriteLineAsync($"  {id}: refused, {outcome.Errors.Count} errors; first: {outcome.Errors.FirstOrDefault()}");
                continue;
            }
            var version = outcome.Version!;
            if (watchlist.ActiveVersionId != version.Id)
            {
                var tracked = await db.ListVersions.FirstAsync(v => v.Id == version.Id);
                await ListVersionActivation.ActivateAsync(db, jobs: null, watchlist, tracked, "import-lists", CancellationToken.None);
            }
            await Console.Error.WriteLineAsync(
                $"  {id}: version {version.Number} in force ({version.EntityCount} entities{(outcome.Unchanged ? ", unchanged" : string.Empty)})");
        }
        return failed == 0 ? 0 : 1;
    }
}
