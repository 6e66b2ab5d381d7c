using System.Diagnostics;
using Hangfire.PostgreSql;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Api.Tests.Jobs;

/// <summary>
/// Real worker processes (the built worker host, seeded by the built command line) on one database: one is killed in the middle of a re-screen, two
/// more take over the queue, and the re-screen completes with every hit stored and raised exactly once.
/// </summary>
public sealed class WorkerProcessTests : IAsyncLifetime
{
    private readonly List<Process> _workers = [];
    private string _cs = string.Empty;

    public async Task InitializeAsync() => _cs = await TestDatabase.CreateAsync("rs_workers");

    public Task DisposeAsync()
    {
        foreach (var w in _workers.Where(w => !w.HasExited)) w.Kill(entireProcessTree: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Rescreen_WorkerKilledMidway_RestartedWorkersFinishWithoutDuplicateHits()
    {
        // 20,000 affiliations, one in 20 naming an institution of §1286 FY2025; FY2024 in force.
        var seed = await RunVerbAsync("seed-rescreen", "--connection", _cs, "--subjects", "20000", "--listed-every", "20");
        Assert.Equal(0, seed);
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = JobsSetup.SchemaName, PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(_cs, storageOptions), storageOptions);
        var client = new BackgroundJobClient(storage);

        var first = StartWorker("worker-a");
        Guid progressId;
        await using (var db = Open())
        {
            var watchlist = await db.Watchlists.SingleAsync();
            var fy2025 = (await ListVersionImport.ImportAsync(db, watchlist, await File.ReadAllBytesAsync(SharedData.Path1286(2025)),
                "us-dod-section-1286-fy2025.ftm.jsonl", Screening.Import.ImportMode.Strict, "test", CancellationToken.None)).Version!;
            progressId = (await ListVersionActivation.ActivateAsync(db, client, watchlist, fy2025, "test", CancellationToken.None)).Id;
        }

        var atKill = await WaitForProgressAsync(progressId, p => p.Processed > 0);
        Assert.True(atKill.Processed < atKill.Total, "The re-screen finished before the worker could be killed; seed more subjects.");
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();

        StartWorker("worker-b");
        StartWorker("worker-c");
        var done = await WaitForProgressAsync(progressId, p => p.State == JobProgressState.Succeeded, TimeSpan.FromMinutes(3));

        Assert.True(done.Attempts >= 2, $"Expected the job to be resumed after the kill, attempts = {done.Attempts}");
        Assert.True(done.Processed >= atKill.Processed);
        await using (var db = Open())
        {
            var hits = await db.ScreeningHits.Where(h => h.WatchlistId == "us-1286").Select(h => h.Id).ToListAsync();
            Assert.True(hits.Count >= 900, $"Expected about 1,000 hits (one in 20 of 20,000 affiliations), got {hits.Count}");
            var duplicates = await db.ScreeningHits.GroupBy(h => new { h.SubjectId, h.Field, h.WatchlistId, h.EntityId }).CountAsync(g => g.Count() > 1);
            Assert.Equal(0, duplicates);
            // Each hit was raised exactly once, although part of the work ran twice.
            var raised = await db.AuditEvents.Where(a => a.EventType == AuditEventType.HitRaised).GroupBy(a => a.SubjectId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(hits.Count, raised.Count);
            Assert.All(raised, n => Assert.Equal(1, n));
        }

        // Two workers share the queue: screening jobs spread over both, and each is performed once.
        List<Guid> runIds;
        await using (var db = Open())
        {
            var affiliations = await db.Affiliations.OrderBy(a => a.Id).Take(60).Select(a => new { a.Id, a.PersonId }).ToListAsync();
            var runs = affiliations.Select(a => ScreeningRun.Queue(SubjectTypes.Affiliation, a.Id, null, db.Clock.GetUtcNow(), a.PersonId)).ToList();
            db.ScreeningRuns.AddRange(runs);
            await db.SaveChangesAsync();
            runIds = runs.Select(r => r.Id).ToList();
        }
        var jobIds = runIds.Select(id => client.Enqueue<ScreenSubjectJob>(j => j.RunAsync(id, null, CancellationToken.None))).ToList();
        await JobsApi.WaitForAsync(async () =>
        {
            await using var db = Open();
            return await db.ScreeningRuns.CountAsync(r => runIds.Contains(r.Id) && r.Outcome == ScreeningOutcome.Done);
        }, done => done == runIds.Count);
        var monitoring = storage.GetMonitoringApi();
        var performedBy = jobIds.Select(id => monitoring.JobDetails(id).History.Where(h => h.StateName == "Processing").ToList()).ToList();
        Assert.All(performedBy, processing => Assert.Single(processing));
        var servers = performedBy.Select(p => p[0].Data["ServerId"].Split(':')[0]).Distinct().ToList();
        Assert.Equal(2, servers.Count);
    }

    private ResearchSecurityDbContext Open()
    {
        var options = new DbContextOptionsBuilder<ResearchSecurityDbContext>();
        DatabaseSetup.Configure(options, _cs);
        return new ResearchSecurityDbContext(options.Options, new SystemAuditContext("test"), TimeProvider.System);
    }

    private Task<JobProgress> WaitForProgressAsync(Guid id, Func<JobProgress, bool> done, TimeSpan? timeout = null) =>
        JobsApi.WaitForAsync(async () =>
        {
            await using var db = Open();
            var progress = await db.JobProgress.AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.NotEqual(JobProgressState.Failed, progress.State);
            return progress;
        }, done, timeout ?? TimeSpan.FromMinutes(2), pollMilliseconds: 20);

    private Process StartWorker(string name)
    {
        var info = WorkerStart();
        info.Environment["Worker__Name"] = name;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["Jobs__RescreenBatchSize"] = "200";
        info.Environment["Jobs__RescreenStrategy"] = nameof(RescreenStrategy.FullScan);
        info.Environment["Jobs__InvisibilityTimeout"] = "00:00:08";
        info.Environment["Jobs__QueuePollInterval"] = "00:00:00.200";
        info.Environment["Jobs__WorkerCount"] = "2";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _workers.Add(process);
        return process;
    }

    private async Task<int> RunVerbAsync(params string[] args)
    {
        var info = CliStart(args);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return process.ExitCode;
    }

    private ProcessStartInfo WorkerStart(params string[] args) => Start(BuiltDll("ResearchSecurity.Worker"), args);

    private ProcessStartInfo CliStart(params string[] args) => Start(BuiltDll("ResearchSecurity.Cli"), args);

    private ProcessStartInfo Start(string dll, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ConnectionStrings__Default"] = _cs;
        info.Environment["RS_SHARED_DATA"] = SharedData.Root;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return info;
    }

    /// <summary>A project under worker/ built beside this test assembly's configuration (infra/test.sh builds the whole solution).</summary>
    private static string BuiltDll(string project)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory); // tests/X/bin/<Configuration>/net10.0/
        var framework = testDir.Name;
        var configuration = testDir.Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "worker", project, "bin", configuration, framework, project + ".dll");
        Assert.True(File.Exists(dll), $"Build {project} first: {dll} is missing.");
        return dll;
    }
}
