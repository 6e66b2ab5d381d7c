using ResearchSecurity.Core.Audit;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Tests.Jobs;

/// <summary>URL-sourced lists on a schedule, the dashboard's protection, and screening of exactly the changed subjects.</summary>
[Collection(JobsCollection.Name)]
public sealed class WatchlistRefreshTests(JobsFactory factory)
{
    private readonly HttpClient _admin = factory.Admin();

    [Fact]
    public async Task RegisterWatchlist_UrlWithCron_SchedulesRecurringRefresh()
    {
        var id = $"csl-{Guid.NewGuid():N}"[..12];
        await (await _admin.PostAsJsonAsync("/api/v1/watchlists", new
        {
            id, displayName = "Trade CSL", format = "TradeCsl", source = "Url", sourceUrl = "https://lists.example.org/csl.csv", refreshCron = "0 3 * * *", severity = 3,
        })).ShouldBe(HttpStatusCode.Created);

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == RefreshWatchlistJob.RecurringJobId(id));
        Assert.Equal("0 3 * * *", recurring.Cron);
    }

    [Fact]
    public async Task RegisterWatchlist_UrlSourceWithoutUrl_ValidationError()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/watchlists", new { id = "no-url", displayName = "x", source = "Url", refreshCron = "0 3 * * *" });
        await response.ShouldBeValidationError("sourceUrl");
    }

    [Fact]
    public async Task RefreshWatchlist_SameFileTwice_OneVersionActivated()
    {
        var id = $"url-{Guid.NewGuid():N}"[..12];
        await (await _admin.PostAsJsonAsync("/api/v1/watchlists", new
        {
            id, displayName = "§1286 by URL", format = "FollowTheMoney", source = "Url", sourceUrl = "https://lists.example.org/us-1286.jsonl", severity = 4,
        })).ShouldBe(HttpStatusCode.Created);
        var served = new ServingHandler(await File.ReadAllBytesAsync(SharedData.Path1286(2024)));

        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var job = new RefreshWatchlistJob(scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>(), new SingleClientFactory(served),
                scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>(), scope.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>(),
                NullLogger<RefreshWatchlistJob>.Instance);
            await job.RunAsync(id, null, CancellationToken.None);
        }

        Assert.Equal(2, served.Requests);
        var versions = await (await _admin.GetAsync($"/api/v1/watchlists/{id}/versions")).ShouldBe(HttpStatusCode.OK);
        var version = Assert.Single(versions.EnumerateArray());
        Assert.Equal("Active", version.GetProperty("status").GetString());
        Assert.Equal("us-1286.jsonl", version.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task HangfireDashboard_AdministratorOnly_EachPageViewAndEachRefusalAudited()
    {
        await factory.AuditObservationsWrittenAsync();
        var before = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EventType == AuditEventType.DashboardViewed));
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/hangfire")).StatusCode);
        var investigatorId = ApiFactory.NewUser();
        var investigator = factory.ClientFor(investigatorId, Roles.Investigator);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync("/hangfire")).StatusCode);

        await factory.AuditObservationsWrittenAsync();
        var views = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EventType == AuditEventType.DashboardViewed));
        Assert.Equal(before + 1, views);
        var denied = await factory.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.EventType == AuditEventType.AccessDenied && e.ActorId == investigatorId));
        Assert.Contains("/hangfire", denied.Changes);
    }

    [Fact]
    public async Task UpdatePerson_OnlyVisitSponsorChanged_ScreensOnlyTheVisit()
    {
        var pi = factory.ClientFor(ApiFactory.NewUser(), Roles.Investigator);
        var person = await pi.CreatePersonAsync();
        await JobsApi.WaitForAsync(() => factory.CountAsync<ScreeningRun>(q => q.Where(r => r.PersonId == person.Id() && r.Outcome != ScreeningOutcome.Done)),
            open => open == 0);
        var before = await factory.WithDbAsync(db => db.ScreeningRuns.Where(r => r.PersonId == person.Id()).Select(r => r.SubjectId).ToListAsync());
        var affiliation = person.GetProperty("affiliations")[0];
        var visit = person.GetProperty("visits")[0];

        var body = new
        {
            name = "Wang Fang", nativeName = "王芳", email = "wang.fang@example.edu", orcid = "0000-0002-1825-0097",
            declarations = new { employedUnderForeignGovernmentDirection = false, foreignGovernmentIncomeAtLeast25Percent = false, actingOnForeignGovernmentInstruction = false },
            affiliations = new[] { new { id = affiliation.Id(), organisationName = affiliation.GetProperty("organisationName").GetString(), country = "CN", kind = "Employment", startDate = "2019-09-01", isCurrent = true } },
            visits = new[] { new { id = visit.Id(), hostDepartment = "Department of Physics", hostPrincipalInvestigator = "Prof. A. Smith", startDate = "2027-01-10", endDate = "2027-06-30", sponsor = "Harbin Engineering University" } },
            talentPrograms = Array.Empty<object>(),
        };
        await (await pi.PutJsonWithETag($"/api/v1/people/{person.Id()}", body, person.ETag())).ShouldBe(HttpStatusCode.OK);

        var after = await factory.WithDbAsync(db => db.ScreeningRuns.Where(r => r.PersonId == person.Id()).Select(r => r.SubjectId).ToListAsync());
        var added = after.GroupBy(x => x).Where(g => g.Count() > before.Count(b => b == g.Key)).Select(g => g.Key).ToList();
        Assert.Equal([visit.Id()], added);
    }

    private sealed class ServingHandler(byte[] content) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) });
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
