using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeadersTests(ApiFactory api)
{
    [Fact]
    public async Task AuthenticatedApiAnswer_CarriesNosniffFrameDenyReferrerCspAndNoStore()
    {
        var response = await api.Investigator(ApiFactory.NewUser()).GetAsync("/api/v1/proposals");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store expected");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS on plain http");
    }

    [Fact]
    public async Task HtmlPage_GetsASameOriginCsp()
    {
        var response = await api.CreateClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task HttpsOutsideDevelopment_GetsHsts()
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://rs.example.edu/") });
        var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}

/// <summary>A host with a small per-caller limit.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RateLimit:PermitLimit", "5");
        builder.UseSetting("Api:RateLimit:WindowSeconds", "60");
    }
}

public sealed class ApiRateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task PastTheLimit_Returns429ProblemWithRetryAfter_OtherCallersUnaffected()
    {
        var busy = api.Investigator(ApiFactory.NewUser());
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => busy.GetAsync("/api/v1/technology-areas")));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After expected");

        await (await api.Investigator(ApiFactory.NewUser()).GetAsync("/api/v1/technology-areas")).ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>
/// A host behind a reverse proxy at 10.0.0.5 (configured); the test server has no socket, so a startup filter sets
/// the connection's peer address from a test header, as the proxy's TCP connection would.
/// </summary>
public sealed class ProxiedApiFactory : ApiFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        // Outermost startup filter, before the host's forwarded-headers step: the peer is set as the TCP connection would.
        builder.ConfigureServices(s => s.Insert(0, ServiceDescriptor.Transient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerFromHeader>()));
    }

    private sealed class PeerFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                if (http.Request.Headers[PeerHeader].ToString() is { Length: > 0 } peer) http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return inner(http);
            });
            next(app);
        };
    }
}

public sealed class ForwardedHeadersTests(ProxiedApiFactory api) : IClassFixture<ProxiedApiFactory>
{
    [Theory]
    [InlineData("10.0.0.5", "203.0.113.7")] // the configured proxy: its X-Forwarded-For is believed
    [InlineData("10.0.0.9", "10.0.0.9")]    // any other peer: the header is ignored, the peer is the client
    public async Task AuditedClientAddress_FollowsForwardedForOnlyFromTheConfiguredProxy(string peer, string expected)
    {
        var client = api.Investigator(ApiFactory.NewUser());
        client.DefaultRequestHeaders.Add(ProxiedApiFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var person = await client.CreatePersonAsync();

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var address = await db.AuditEvents.Where(e => e.EventType == AuditEventType.PersonCreated && e.SubjectId == person.Id())
            .Select(e => e.ClientAddress).SingleAsync();
        Assert.Equal(expected, address);
    }
}
