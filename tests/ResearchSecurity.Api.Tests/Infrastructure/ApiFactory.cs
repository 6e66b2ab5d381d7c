using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>
/// The real API host over HTTP (in-process test server) against its own real PostgreSQL database,
/// migrated at start-up, with the development sign-in scheme that the Testing environment allows.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("rs_api");
        _ = Server; // start the host now so migrations run once, before any test
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ConfigureTestHost(builder, ConnectionString);

    /// <summary>The settings every test host of the API uses: Testing environment, its own database, development sign-in.</summary>
    internal static void ConfigureTestHost(IWebHostBuilder builder, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Api:EnableDevelopmentAuthentication", "true");
        builder.UseSetting("Api:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
    }

    /// <summary>A client signed in as <paramref name="userId"/> with the given roles (none = anonymous).</summary>
    public HttpClient ClientFor(string? userId, params string[] roles) => SignIn(CreateClient(), userId, roles);

    internal static HttpClient SignIn(HttpClient client, string? userId, string[] roles)
    {
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, userId);
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.RolesHeader, string.Join(',', roles));
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Investigator(string userId) => ClientFor(userId, Roles.Investigator);

    public static string NewUser(string role = "pi") => $"{role}-{Guid.NewGuid():N}"[..20];
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
