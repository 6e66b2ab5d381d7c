using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Cli;

/// <summary>
/// bench-risk --server &lt;PostgreSQL connection string without a database&gt; [--proposals 10000] [--batch 2000]
/// Creates a scratch database, stores that many submitted proposals (500 investigators, two partners each drawn from
/// a pool of organisations whose phone numbers, mail domains, addresses and contact people recur in different
/// spellings, submissions spread over a year), stores their party keys (as screening does), then runs the policy re-assessment job over all of them in this
/// process, timed end to end: party keys refreshed, every rule of the institution default evaluated (the cross-record
/// rules 1 and 5 through the indexed party-key table), flags and levels stored. A second run over the same state
/// shows the cost when nothing changes. Seeding is not timed.
/// </summary>
internal static class BenchRiskVerb
{
    private const int Investigators = 500;

    public static async Task<int> Run(string[] argv)
    {
        var args = new CliArgs(argv);
        if (!args.Has("server"))
        {
            await Console.Error.WriteLineAsync("usage: bench-risk --server \"Host=...;Username=...\" [--proposals 10000] [--batch 2000]");
            return 2;
        }
        var count = int.Parse(args.One("proposals") ?? "10000", CultureInfo.InvariantCulture);
        var jobs = new JobsOptions { RescreenBatchSize = int.Parse(args.One("batch") ?? "2000", CultureInfo.InvariantCulture) };

        var cs = await CliDatabase.CreateAsync(args.Required("server"), "rs_bench_risk");
        await Console.Error.WriteLineAsync($"database: {cs}");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(cs, count);
        await Console.Error.WriteLineAsync($"stored {count:N0} submitted proposals in {seeding.Elapsed.TotalSeconds:F1} s (not part of the figure)");

        foreach (var pass in new[] { "first assessment", "unchanged re-run" })
        {
            Guid progressId;
            await using (var db = CliDatabase.Open(cs, "bench"))
            {
                var inForce = await RiskPolicies.ActiveAsync(db, CancellationToken.None);
                var progress = JobProgress.Create(ReassessJob.Kind, "bench", JsonSerializer.Serialize(new ReassessParameters(inForce.Version), JsonSerializerOptions.Web),
                    db.Clock.GetUtcNow());
                db.JobProgress.Add(progress);
                await db.SaveChangesAsync();
                progressId = progress.Id;
            }
            var sw = Stopwatch.StartNew();
            await using (var db = CliDatabase.Open(cs, "bench"))
            {
                var job = new ReassessJob(db, Options.Create(new RiskOptions()), Options.Create(jobs), NullLogger<ReassessJob>.Instance);
                await job.ReassessAsync(progressId, CancellationToken.None);
            }
            var elapsed = sw.Elapsed;
            await using (var db = CliDatabase.Open(cs, "bench"))
            {
                var progress = await db.JobProgress.AsNoTracking().SingleAsync(j => j.Id == progressId);
                var byRule = await db.RiskFlags.GroupBy(f => f.Rule).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync();
                Console.Error.WriteLine($"{pass}: {progress.Total:N0} proposals in {elapsed.TotalSeconds:F1} s ({progress.Total / elapsed.TotalSeconds:N0}/s); " +
                    $"flags stored: {string.Join(", ", byRule.Select(r => $"{r.Key} {r.Count:N0}"))}; result {progress.Result}");
            }
        }
        Console.Error.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>
    /// The organisation pool: a tenth of the organisations share a phone number with another one (written in another
    /// format), a tenth share a mail domain, some share an address or a contact person; popular ones recur across
    /// investigators so rule 5 has real approaches to find.
    /// </summary>
    private static async Task SeedAsync(string cs, int count)
    {
        var random = new Random(11);
        var organisations = Enumerable.Range(0, Math.Max(50, count / 3)).Select(i =>
        {
            var twin = i % 10 == 1 ? i - 1 : i;                           // shares contact details with its neighbour
            var phone = i % 10 == 1 ? $"+86 10 {6200_0000 + twin:D8}" : $"010-{6200_0000 + twin:D8}";
            var domain = i % 10 == 2 ? $"org{i - 2}.example.cn" : $"org{i}.example.cn";
            var address = i % 20 == 3 ? $"No. {i - 3} Zhongguancun Street, Haidian District, Beijing" : $"No. {i} Science Park Road, Beijing";
            var contact = i % 25 == 4 ? $"Dr Wang {i - 4}" : $"Dr Chen {i}";
            return new PartnerDetails($"Advanced Materials Laboratory {i}", "CN", $"https://{domain}", address, $"{contact.Replace(" ", ".").ToLowerInvariant()}@{domain}",
                phone, PartnerRole.Partner);
        }).ToArray();
        var now = TimeProvider.System.GetUtcNow();
        var made = 0;
        while (made < count)
        {
            await using var db = CliDatabase.Open(cs, "seed");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var b = 0; b < 1000 && made < count; b++, made++)
            {
                var owner = $"pi-{made % Investigators}";
                var person = Person.Create(owner, new PersonDetails($"Researcher {made}", null, null, null, null), Declarations.NotAnswered, now);
                db.People.Add(person);
                // Skewed draw: a few organisations approach many researchers, most appear once or twice.
                PartnerDetails Pick() => organisations[(int)(organisations.Length * Math.Pow(random.NextDouble(), 2.5))];
                var proposal = Proposal.Create(owner, new ProposalDetails($"Joint project {made}", null, [], null, null), [Pick(), Pick()],
                    [new MemberDetails(person.Id, MemberRole.PrincipalInvestigator)], now);
                proposal.Submit(now.AddDays(-random.Next(365)).AddMinutes(-random.Next(1440)));
                db.Proposals.Add(proposal);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        // In the product every submitted proposal's party keys are stored when it is first assessed (after screening);
        // store them here too, so the timed pass meets the cross-record index a running system has.
        await using var keys = CliDatabase.Open(cs, "seed");
        var ids = await keys.Proposals.IgnoreAutoIncludes().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        foreach (var batch in ids.Chunk(2000))
        {
            await RiskAssessor.RefreshPartyKeysAsync(keys, await RiskFacts.LoadAsync(keys, batch, CancellationToken.None), CancellationToken.None);
            keys.ChangeTracker.Clear();
        }
    }
}
