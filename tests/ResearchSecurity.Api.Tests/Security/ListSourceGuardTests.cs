using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Api.Tests.Jobs;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>URL list sources: public https addresses only, a byte cap, and no self-activation of a version that guts the list.</summary>
[Collection(JobsCollection.Name)]
public sealed class ListSourceGuardTests(JobsFactory factory)
{
    private readonly HttpClient _admin = factory.Admin();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "not allowed")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "not a public address")]
    [InlineData("https://10.0.0.5/list.csv", "not a public address")]
    [InlineData("https://[::1]/list.csv", "not a public address")]
    [InlineData("https://[::ffff:192.168.1.1]/list.csv", "not a public address")]
    public async Task RegisterUrlSource_NonPublicOrPlainHttp_Returns400NamingSourceUrl(string url, string reason)
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/watchlists", new
        {
            id = $"u-{Guid.NewGuid():N}"[..12], displayName = "x", source = "Url", sourceUrl = url, refreshCron = "0 3 * * *",
        });
        var problem = await response.ShouldBeValidationError("sourceUrl");
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("sourceUrl")[0].GetString());
    }

    [Fact]
    public async Task Fetch_HostNameResolvingToThisMachine_RefusedAtConnect()
    {
        // The machine's own name resolves to a loopback or private address: the check happens on the resolved address.
        var fetcher = Fetcher(factory.Services.GetRequiredService<IHttpClientFactory>());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => fetcher.FetchAsync($"https://{Dns.GetHostName()}:1/list.csv", CancellationToken.None));
        Assert.Contains("not a public address", (error.InnerException ?? error).Message);
    }

    [Fact]
    public async Task Fetch_RedirectToTheMetadataAddress_Refused()
    {
        var fetcher = Fetcher(new StubClientFactory(_ => Redirect("https://169.254.169.254/latest/meta-data/")));
        var error = await Assert.ThrowsAsync<ListSourceRefusedException>(() => fetcher.FetchAsync("https://lists.example.org/list.csv", CancellationToken.None));
        Assert.Contains("not a public address", error.Message);
    }

    [Fact]
    public async Task Fetch_RedirectToPlainHttp_Refused()
    {
        var fetcher = Fetcher(new StubClientFactory(_ => Redirect("http://lists.example.org/list.csv")));
        await Assert.ThrowsAsync<ListSourceRefusedException>(() => fetcher.FetchAsync("https://lists.example.org/list.csv", CancellationToken.None));
    }

    [Fact]
    public async Task Fetch_BodyWithoutContentLengthPastTheCap_RefusedWhileReading()
    {
        var endless = new StubClientFactory(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) });
        var fetcher = Fetcher(endless, maxBytes: 64 * 1024);
        var error = await Assert.ThrowsAsync<ListSourceRefusedException>(() => fetcher.FetchAsync("https://lists.example.org/list.csv", CancellationToken.None));
        Assert.Contains("sent more than 65536 bytes", error.Message);
    }

    [Fact]
    public async Task Refresh_VersionRemovingMostEntities_IsHeldNotActivated()
    {
        var id = $"h-{Guid.NewGuid():N}"[..12];
        await (await _admin.PostAsJsonAsync("/api/v1/watchlists", new
        {
            id, displayName = "§1286 by URL", format = "FollowTheMoney", source = "Url", sourceUrl = "https://lists.example.org/us-1286.jsonl", severity = 4,
        })).ShouldBe(HttpStatusCode.Created);
        var full = await File.ReadAllLinesAsync(SharedData.Path1286(2024));
        await RefreshAsync(id, string.Join('\n', full));
        await RefreshAsync(id, string.Join('\n', full.Take(full.Length / 4)));

        var versions = (await (await _admin.GetAsync($"/api/v1/watchlists/{id}/versions")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(v => v.GetProperty("number").GetInt32(), v => v.GetProperty("status").GetString());
        Assert.Equal("Active", versions[1]);
        Assert.NotEqual("Active", versions[2]);
        var held = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.EventType == AuditEventType.ListVersionHeld).Select(e => e.Changes).ToListAsync());
        Assert.Contains(held, c => c!.Contains(id, StringComparison.Ordinal));
    }

    private async Task RefreshAsync(string id, string content)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clients = new StubClientFactory(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(content) });
        var job = new RefreshWatchlistJob(sp.GetRequiredService<ResearchSecurityDbContext>(), clients, sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<IOptions<JobsOptions>>(), NullLogger<RefreshWatchlistJob>.Instance, sp.GetRequiredService<IOptions<ListSourceOptions>>());
        await job.RunAsync(id, null, CancellationToken.None);
    }

    private ListSourceFetcher Fetcher(IHttpClientFactory clients, long maxBytes = 50 * 1024 * 1024) =>
        new(clients, Options.Create(new ListSourceOptions()), Options.Create(new JobsOptions { MaxListFileBytes = maxBytes }),
            factory.Services.GetRequiredService<IHostEnvironment>());

    private static HttpResponseMessage Redirect(string to) => new(HttpStatusCode.Found) { Headers = { Location = new Uri(to) } };

    private sealed class StubClientFactory(Func<HttpRequestMessage, HttpResponseMessage> answer) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Handler(answer));

        private sealed class Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => Task.FromResult(answer(request));
        }
    }

    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, (byte)'x', offset, count); return count; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
