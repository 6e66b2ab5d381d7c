using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>
/// The real API host over HTTP (in-process test server) against its own real PostgreSQL database,
/// migrated at start-up, with the development sign-in scheme that the Testing environment allows.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Issuer = "http://localhost/";
    public const string IntegrationClientSecret = "integration-test-secret-0123456789";

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Whether the X-Dev-User header signs callers in (the records tests rely on it).</summary>
    protected virtual bool DevelopmentAuthentication => true;

    /// <summary>Token and sign-in requests allowed per window from one address.</summary>
    protected virtual int RateLimit => 10_000;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("rs_api");
        _ = Server; // start the host now so migrations run once, before any test
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Api:EnableDevelopmentAuthentication", DevelopmentAuthentication ? "true" : "false");
        builder.UseSetting("Api:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
        // OpenID Connect server: in-memory keys, the test server's own address as issuer, a generous rate limit
        // (RateLimitTests use their own host with a small one).
        builder.UseSetting("Auth:Issuer", Issuer);
        builder.UseSetting("Auth:UseEphemeralKeys", "true");
        builder.UseSetting("Auth:IntegrationClient:ClientSecret", IntegrationClientSecret);
        builder.UseSetting("Auth:RateLimit:PermitLimit", RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Per-caller API limit: out of the way of the suites (HeadersAndLimitsTests use their own host with a small one).
        builder.UseSetting("Api:RateLimit:PermitLimit", "10000000");
    }

    /// <summary>A client signed in as <paramref name="userId"/> with the given roles (none = anonymous).</summary>
    public HttpClient ClientFor(string? userId, params string[] roles)
    {
        var client = CreateClient();
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, userId);
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.RolesHeader, string.Join(',', roles));
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Investigator(string userId) => ClientFor(userId, Roles.Investigator);

    /// <summary>Waits until the read observations queued so far are in the database (they are written off the request path).</summary>
    public Task AuditObservationsWrittenAsync() => Services.GetRequiredService<ResearchSecurity.Core.Audit.AuditObservationQueue>().FlushAsync();

    public static string NewUser(string role = "pi") => $"{role}-{Guid.NewGuid():N}"[..20];
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
