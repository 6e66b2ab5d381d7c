using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ResearchSecurity.Cli;

/// <summary>
/// seed-rescreen (--server &lt;server connection string&gt; | --connection &lt;database connection string&gt;) [--subjects 100000] [--listed-every 50]
/// Creates (or fills) a database with the §1286 FY2024 edition in force and many stored affiliations, some naming
/// institutions of the FY2025 edition; prints the database's connection string. Setup for bench-rescreen and the
/// worker-kill test.
/// </summary>
internal static class SeedRescreenVerb
{
    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("server") && !args.Has("connection"))
        {
            await Console.Error.WriteLineAsync("usage: seed-rescreen (--server <cs> | --connection <cs>) [--subjects 100000] [--listed-every 50]");
            return 2;
        }
        var subjects = int.Parse(args.One("subjects") ?? "100000", CultureInfo.InvariantCulture);
        var every = int.Parse(args.One("listed-every") ?? "50", CultureInfo.InvariantCulture);
        var cs = args.One("connection") ?? await CliDatabase.CreateAsync(args.Required("server"), "rs_bench");
        await using (var db = CliDatabase.Open(cs, "seed"))
        {
            await db.Database.MigrateAsync();
            await RescreenSetup.RegisterAsync(db, 2024);
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var made = await SubjectSeeder.SeedAsync(cs, subjects, RescreenSetup.ListedNames(2025), every);
        await Console.Error.WriteLineAsync($"seeded {made:N0} affiliations in {started.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(cs);
        return 0;
    }
}
