using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Tests.Jobs;

/// <summary>Screening of records and re-screening after list updates, end to end: API → PostgreSQL → Hangfire server → API.</summary>
[Collection(JobsCollection.Name)]
public sealed class ScreeningJobsTests(JobsFactory factory)
{
    private readonly HttpClient _admin = factory.Admin();
    private readonly HttpClient _reviewer = factory.ClientFor("reviewer-1", Roles.IntegrityReviewer);

    private async Task<string> ActiveListAsync(int fiscalYear)
    {
        var list = await _admin.RegisterListAsync();
        await (await _admin.UploadAsync(list, SharedData.Path1286(fiscalYear))).ShouldBe(HttpStatusCode.Created);
        await _admin.ActivateAsync(list, 1);
        return list;
    }

    [Fact]
    public async Task ScreenPartner_BeihangSchoolAddress_RaisesHitWithExplanation()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("School of Computer Science, Beihang University, Beijing");

        var screening = await pi.WaitForScreeningAsync(proposal.Id());

        var hit = Assert.Single(screening.HitsOn(list));
        Assert.Equal("PartnerOrganisation", hit.GetProperty("subjectType").GetString());
        Assert.Equal("name", hit.GetProperty("field").GetString());
        Assert.Equal("Beijing University of Aeronautics and Astronautics", hit.GetProperty("entityName").GetString());
        Assert.Equal("Beihang University", hit.GetProperty("matchedName").GetString());
        Assert.Equal(1, hit.GetProperty("listVersionNumber").GetInt32());
        Assert.Equal("active", hit.GetProperty("status").GetString());
        var explanation = hit.GetProperty("explanation");
        Assert.Contains("beihang", explanation.GetProperty("matchedTokens").EnumerateArray().Select(t => t.GetString()));
        Assert.NotEmpty(explanation.GetProperty("features").EnumerateArray());
        var run = Assert.Single(screening.GetProperty("runs").EnumerateArray());
        Assert.Contains($"{list}:1", run.GetProperty("listVersions").GetString());
    }

    [Fact]
    public async Task ActivateVersion_Fy2025AfterFy2024_RaisesExactlyOneNewHitForFudanPartner()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Fudan University", address: "220 Handan Road, Shanghai");
        Assert.Empty((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list));

        await (await _admin.UploadAsync(list, SharedData.Path1286(2025))).ShouldBe(HttpStatusCode.Created);
        var job = await _admin.ActivateAsync(list, 2);

        var hits = (await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list).ToList();
        var hit = Assert.Single(hits);
        Assert.Equal("Fudan University", hit.GetProperty("entityName").GetString());
        Assert.Equal(2, hit.GetProperty("listVersionNumber").GetInt32());
        Assert.Equal(job.GetProperty("total").GetInt32(), job.GetProperty("processed").GetInt32());
        Assert.True(job.GetProperty("result").GetProperty("raised").GetInt32() >= 1);
        Assert.Equal(51, job.GetProperty("result").GetProperty("added").GetInt32());
        Assert.Equal(29, job.GetProperty("result").GetProperty("removed").GetInt32());
    }

    [Fact]
    public async Task DiffVersion_Fy2025AgainstFy2024_ListsAddedRemovedAndTheBeihangRename()
    {
        var list = await ActiveListAsync(2024);
        await (await _admin.UploadAsync(list, SharedData.Path1286(2025))).ShouldBe(HttpStatusCode.Created);

        var diff = await (await _reviewer.GetAsync($"/api/v1/watchlists/{list}/versions/2/diff")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(1, diff.GetProperty("againstNumber").GetInt32());
        Assert.Equal(51, diff.GetProperty("added").GetArrayLength());
        Assert.Equal(29, diff.GetProperty("removed").GetArrayLength());
        var renames = diff.GetProperty("likelyRenames").EnumerateArray()
            .Select(r => (From: r.GetProperty("removed").GetProperty("name").GetString(), To: r.GetProperty("added").GetProperty("name").GetString())).ToList();
        Assert.Contains(("Beijing University of Aeronautics and Astronautics", "Beihang University"), renames);
    }

    [Fact]
    public async Task Upload_SameVersionAgainAfterHitCleared_HitStaysClearedAndIsNotRaisedAgain()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Beihang University");
        var hitId = Assert.Single((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list)).Id();
        await ClearAsync(hitId);

        // The same bytes: no new version at all.
        var same = await (await _admin.UploadAsync(list, SharedData.Path1286(2024))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, same.GetProperty("number").GetInt32());
        // The same content in other bytes: a new version whose activation re-screens, and must not re-raise the cleared hit.
        var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(SharedData.Path1286(2024)) + "\n\n");
        await (await _admin.UploadBytesAsync(list, bytes, "fy2024-again.ftm.jsonl")).ShouldBe(HttpStatusCode.Created);
        var job = await _admin.ActivateAsync(list, 2);

        Assert.Equal(0, job.GetProperty("result").GetProperty("added").GetInt32() + job.GetProperty("result").GetProperty("changed").GetInt32());
        var hit = Assert.Single((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list));
        Assert.Equal(hitId, hit.Id());
        Assert.Equal("FalsePositive", hit.GetProperty("disposition").GetString());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("reRaisedAt").ValueKind);
    }

    [Fact]
    public async Task ActivateVersion_ClearedHitWhoseEntityChanged_ReRaisedWithReason()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Beihang University");
        var hitId = Assert.Single((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list)).Id();
        await ClearAsync(hitId);

        var changed = File.ReadAllText(SharedData.Path1286(2024)).Replace("\"alias\": [\"Beihang University\"]",
            "\"alias\": [\"Beihang University\", \"BUAA Beijing\"]", StringComparison.Ordinal);
        await (await _admin.UploadBytesAsync(list, Encoding.UTF8.GetBytes(changed), "fy2024-amended.ftm.jsonl")).ShouldBe(HttpStatusCode.Created);
        var job = await _admin.ActivateAsync(list, 2);

        Assert.Equal(1, job.GetProperty("result").GetProperty("changed").GetInt32());
        var hit = Assert.Single((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list));
        Assert.Equal("None", hit.GetProperty("disposition").GetString());
        Assert.Contains("listed entry changed", hit.GetProperty("reRaisedReason").GetString());
        Assert.Equal(1, await factory.CountAsync<AuditEvent>(q => q.Where(a => a.EventType == AuditEventType.HitReRaised && a.SubjectId == hitId)));
    }

    [Fact]
    public async Task ActivateVersion_EntityRemoved_HitBecomesHistoricalNotDeleted()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Beijing University of Aeronautics and Astronautics");
        var hitId = Assert.Single((await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list)).Id();

        await (await _admin.UploadAsync(list, SharedData.Path1286(2025))).ShouldBe(HttpStatusCode.Created);
        await _admin.ActivateAsync(list, 2);

        var hits = (await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list).ToList();
        var old = Assert.Single(hits, h => h.Id() == hitId);
        Assert.Equal("historical", old.GetProperty("status").GetString());
        Assert.Contains("not in version 2", old.GetProperty("historicalReason").GetString());
        // The renamed entry ("Beihang University", alias the old name) is a new hit on version 2.
        Assert.Contains(hits, h => h.GetProperty("status").GetString() == "active" && h.GetProperty("entityName").GetString() == "Beihang University");
    }

    [Fact]
    public async Task Upload_MalformedFile_RejectedWithErrorReportAndPreviousVersionStaysActive()
    {
        var list = await ActiveListAsync(2024);
        var broken = Encoding.UTF8.GetBytes("{\"id\": \"x\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"A\"]}}\n{not json at all\n");

        var problem = await (await _admin.UploadBytesAsync(list, broken, "broken.ftm.jsonl")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
        var watchlist = await (await _admin.GetAsync($"/api/v1/watchlists/{list}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, watchlist.GetProperty("activeVersionNumber").GetInt32());
        var versions = await (await _admin.GetAsync($"/api/v1/watchlists/{list}/versions")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Equal(1, await factory.CountAsync<AuditEvent>(q => q.Where(a => a.EventType == AuditEventType.ListVersionRejected && a.Changes!.Contains(list))));
    }

    [Fact]
    public async Task ScreenSubjectJob_SameSubjectTwice_StoresHitsOnce()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Harbin Engineering University");
        var first = (await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list).Select(h => h.Id()).ToList();
        Assert.Single(first);
        var partnerId = proposal.GetProperty("partners")[0].Id();

        // Two more runs of the same subject, each through the Hangfire server, and the first run's job once more.
        var runs = await factory.WithDbAsync(async db =>
        {
            var again = new[] { ScreeningRun.Queue(SubjectTypes.Partner, partnerId, proposal.Id(), db.Clock.GetUtcNow()),
                                ScreeningRun.Queue(SubjectTypes.Partner, partnerId, proposal.Id(), db.Clock.GetUtcNow()) };
            db.ScreeningRuns.AddRange(again);
            await db.SaveChangesAsync();
            return again.Select(r => r.Id).Append(await db.ScreeningRuns.Where(r => r.SubjectId == partnerId).OrderBy(r => r.QueuedAt).Select(r => r.Id).FirstAsync()).ToList();
        });
        var client = factory.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var runId in runs) client.Enqueue<ScreenSubjectJob>(j => j.RunAsync(runId, null, CancellationToken.None));
        await WaitAsync(() => factory.CountAsync<ScreeningRun>(q => q.Where(r => r.SubjectId == partnerId && r.Outcome != ScreeningOutcome.Done)), 0);

        var hits = (await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list).Select(h => h.Id()).ToList();
        Assert.Equal(first, hits);
        Assert.Equal(1, await factory.CountAsync<ScreeningHit>(q => q.Where(h => h.SubjectId == partnerId && h.WatchlistId == list)));
        Assert.Equal(1, await factory.CountAsync<AuditEvent>(q => q.Where(a => a.EventType == AuditEventType.HitRaised && a.SubjectId == first[0])));
    }

    [Fact]
    public async Task AVisitorImportOfMoreRunsThanTheBatchSize_IsScreenedByBatchJobs_EachRunOnce_AndARedeliveredBatchWritesNothing()
    {
        await ActiveListAsync(2024);
        var owner = ApiFactory.NewUser();
        var pi = factory.ClientFor(owner, Roles.Investigator);
        // 70 visitors: a person, an affiliation and a sponsored visit each, 210 runs > the default batch of 200.
        var csv = VisitorFiles.Csv(Enumerable.Range(0, 70).Select(i => VisitorFiles.Row(i, affiliation: i % 10 == 0
            ? "College of Underwater Acoustic Engineering, Harbin Engineering University" : $"Department {i}, University of Example")));
        var imported = await (await pi.PostAsync("/api/v1/imports/visitors", VisitorFiles.Multipart(csv, "batch.csv"))).ShouldBe(HttpStatusCode.Created);
        var people = imported.GetProperty("personIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(70, people.Count);

        await JobsApi.WaitForAsync(() => factory.CountAsync<ScreeningRun>(q => q.Where(r => r.PersonId != null && people.Contains(r.PersonId.Value) && r.Outcome != ScreeningOutcome.Done)),
            n => n == 0, TimeSpan.FromMinutes(2));
        var runs = await factory.WithDbAsync(db => db.ScreeningRuns.Where(r => r.PersonId != null && people.Contains(r.PersonId.Value)).Select(r => r.Id).ToArrayAsync());
        Assert.Equal(210, runs.Length);
        var batches = await factory.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%ScreenRunBatchJob%' AND arguments::text LIKE {"%" + runs[0] + "%"}").SingleAsync());
        Assert.Equal(1, batches);
        var hits = await factory.CountAsync<ScreeningHit>(q => q.Where(h => h.PersonId != null && people.Contains(h.PersonId.Value)));
        Assert.True(hits >= 7, $"{hits} hits on the seven Harbin Engineering University affiliations");

        // The same batch delivered again: every run is done, so nothing is screened or written twice.
        var audit = await factory.CountAsync<AuditEvent>(q => q);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ScreenRunBatchJob>().RunAsync(runs, null, CancellationToken.None);
        Assert.Equal(hits, await factory.CountAsync<ScreeningHit>(q => q.Where(h => h.PersonId != null && people.Contains(h.PersonId.Value))));
        Assert.Equal(audit, await factory.CountAsync<AuditEvent>(q => q));
    }

    [Fact]
    public async Task UpdatePerson_TenEditsInABurst_OneScreeningRunForTheAffiliation()
    {
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var person = await pi.CreatePersonAsync();
        var affiliation = person.GetProperty("affiliations")[0];
        var etag = person.ETag();
        for (var i = 0; i < 9; i++)
        {
            var body = new
            {
                name = "Wang Fang", email = "wang.fang@example.edu",
                affiliations = new[] { new { id = affiliation.Id(), organisationName = $"Lab {i}, Harbin Engineering University", country = "CN", kind = "Employment", isCurrent = true } },
            };
            etag = (await (await pi.PutJsonWithETag($"/api/v1/people/{person.Id()}", body, etag)).ShouldBe(HttpStatusCode.OK)).ETag();
        }

        await WaitAsync(() => factory.CountAsync<ScreeningRun>(q => q.Where(r => r.PersonId == person.Id() && r.Outcome != ScreeningOutcome.Done)), 0);
        Assert.Equal(1, await factory.CountAsync<ScreeningRun>(q => q.Where(r => r.SubjectId == affiliation.Id())));
        var hits = await factory.WithDbAsync(db => db.ScreeningHits.Where(h => h.SubjectId == affiliation.Id()).Select(h => h.TextScreened).ToListAsync());
        Assert.All(hits, t => Assert.Equal("Lab 8, Harbin Engineering University", t));
    }

    [Fact]
    public async Task ScreeningStatus_GrantOfficer_SeesOnlyFundingHits_OtherInvestigatorNotFound()
    {
        var list = await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var created = await pi.PostAsJsonAsync("/api/v1/proposals", new
        {
            title = "Navigation sensors", technologyAreas = new[] { "sensing" },
            partners = new[] { new { name = "Beihang University", country = "CN", role = "Partner" } },
            fundingSources = new[] { new { funderName = "Harbin Engineering University", country = "CN", amount = 1000m, currency = "CNY" } },
        });
        var proposal = await created.ShouldBe(HttpStatusCode.Created);
        var all = (await pi.WaitForScreeningAsync(proposal.Id())).HitsOn(list).ToList();
        Assert.Equal(2, all.Count);
        // Grant officers see proposals past the draft stage; this one has no members to submit with, so move it directly.
        await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE proposals SET status = 'InReview' WHERE id = {proposal.Id()}");
            return 0;
        });
        var officer = factory.ClientFor("officer-1", Roles.GrantOfficer);
        var funding = (await officer.WaitForScreeningAsync(proposal.Id())).HitsOn(list).ToList();
        Assert.Equal("FundingSource", Assert.Single(funding).GetProperty("subjectType").GetString());
        var stranger = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/proposals/{proposal.Id()}/screening")).StatusCode);
    }

    [Fact]
    public async Task SubmitProposal_ScreeningFinishes_ProposalMovesToInReviewWithRisk()
    {
        await ActiveListAsync(2024);
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreateProposalAsync(); // visiting researcher affiliated with Beihang, partner Harbin Eng. Univ.
        await pi.WaitForScreeningAsync(proposal.Id());

        await (await pi.PostAsync($"/api/v1/proposals/{proposal.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var screening = await pi.WaitForScreeningAsync(proposal.Id());

        Assert.True(screening.GetProperty("subjects").GetInt32() >= 4);
        var stored = await WaitForAsync(() => factory.WithDbAsync(db => db.Proposals.IgnoreAutoIncludes().AsNoTracking().SingleAsync(p => p.Id == proposal.Id())),
            p => p.Status == Core.Proposals.ProposalStatus.InReview);
        Assert.Equal(Core.Proposals.RiskLevel.Critical, stored.RiskLevel);
        Assert.Contains("matches US DoD §1286", stored.RiskReasons);
        Assert.Equal(2, await factory.CountAsync<AuditEvent>(q => q.Where(a => a.ProposalId == proposal.Id()
            && (a.EventType == AuditEventType.ProposalScreeningStarted || a.EventType == AuditEventType.ProposalScreeningCompleted))));
    }

    [Fact]
    public async Task ScreenSubjectJob_LastAttemptFails_RunFailedWithReasonVisible()
    {
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var proposal = await pi.CreatePartnerProposalAsync("Tsinghua University");
        await pi.WaitForScreeningAsync(proposal.Id());
        var runId = await factory.WithDbAsync(async db =>
        {
            var run = ScreeningRun.Queue("NoSuchSubject", Guid.CreateVersion7(), proposal.Id(), db.Clock.GetUtcNow());
            db.ScreeningRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var jobId = factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ScreenSubjectJob>(j => j.RunAsync(runId, null, CancellationToken.None));

        var run = await WaitForAsync(() => factory.WithDbAsync(db => db.ScreeningRuns.AsNoTracking().SingleAsync(r => r.Id == runId)),
            r => r.Outcome == ScreeningOutcome.Failed);
        Assert.Contains("Unknown screening subject type", run.FailureReason);
        var state = await WaitForAsync(() => Task.FromResult(factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History[0].StateName), s => s == "Failed");
        Assert.Equal("Failed", state);
        Assert.Equal(2, factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Count(h => h.StateName == "Processing"));
    }

    private Task ClearAsync(Guid hitId) => factory.WithDbAsync(async db =>
    {
        var hit = await db.ScreeningHits.SingleAsync(h => h.Id == hitId);
        hit.RecordDisposition(Disposition.FalsePositive, "Different institution", "Checked the address.", "reviewer-1", db.Clock.GetUtcNow());
        db.Audit(AuditEventType.HitDispositioned, nameof(ScreeningHit), hit.Id, hit.ProposalId);
        return await db.SaveChangesAsync();
    });

    private static Task WaitAsync(Func<Task<int>> probe, int expected) => JobsApi.WaitForAsync(probe, v => v == expected);

    private static Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done) => JobsApi.WaitForAsync(probe, done);
}
