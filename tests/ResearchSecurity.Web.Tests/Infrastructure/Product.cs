using System.Net.Http.Json;
using Microsoft.Playwright;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Web.Tests.Infrastructure;

/// <summary>
/// The whole product for the browser tests: a fresh database on the test cluster, the real API (migrations, OIDC
/// server with the rs-web client registered for this run's web port), the real watchlists imported by the
/// command-line verbs, the worker running the Hangfire server, the web host, and Debian's chromium driven by Playwright.
/// </summary>
public sealed class Product : IAsyncLifetime
{
    public const string Password = "Browser-Tests-2026a";
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Sign-in names created for the tests, with their role.</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["investigator"] = "Investigator", ["investigator2"] = "Investigator", ["reviewer"] = "IntegrityReviewer",
        ["reviewer2"] = "IntegrityReviewer", ["grant-officer"] = "GrantOfficer", ["administrator"] = "Administrator", ["auditor"] = "Auditor",
    };

    private readonly List<HostProcess> _hosts = [];
    private IPlaywright? _playwright;

    public string ApiUrl { get; private set; } = string.Empty;
    public string WebUrl { get; private set; } = string.Empty;
    public string ConnectionString { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>User ids by sign-in name (as the API reports them).</summary>
    public Dictionary<string, string> UserIds { get; } = [];

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("RS_CHROMIUM") is { Length: > 0 } c ? c : ChromiumPath;
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} not found: install Debian's chromium (infra/test.sh does it as root: apt-get install chromium).");

        ConnectionString = await TestDatabase.CreateAsync("rs_web");
        var apiPort = HostProcess.FreePort();
        var webPort = HostProcess.FreePort();
        ApiUrl = $"http://127.0.0.1:{apiPort}";
        WebUrl = $"http://127.0.0.1:{webPort}";

        _hosts.Add(HostProcess.Start("api", "ResearchSecurity.Api", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Default"] = ConnectionString,
            ["Api__ApplyMigrationsOnStartup"] = "true",
            // Only this fixture uses the development headers (to create the users); the browser signs in with OIDC.
            ["Api__EnableDevelopmentAuthentication"] = "true",
            ["Auth__Issuer"] = ApiUrl + "/",
            ["Auth__UseEphemeralKeys"] = "true",
            ["Auth__RateLimit__PermitLimit"] = "10000",
            // The browser tests sign in the same few users many times a minute; the per-user API limit is not under test here.
            ["Api__RateLimit__PermitLimit"] = "100000",
            ["Auth__WebClient__RedirectUris__0"] = WebUrl + "/signin-oidc",
            ["Auth__WebClient__PostLogoutRedirectUris__0"] = WebUrl + "/signout-callback-oidc",
            ["Jobs__CoalesceDelay"] = "00:00:00.500",
        }, "--contentRoot", HostProcess.ContentRoot("ResearchSecurity.Api"), "--urls", ApiUrl));
        await WaitUpAsync(ApiUrl + "/health/ready", "api");

        var workerEnvironment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = ConnectionString,
            ["RS_SHARED_DATA"] = RepositoryPaths.SharedData,
            ["Screening__IndexPath"] = Path.Combine(Path.GetTempPath(), "rs-web-tests-index"),
            ["Jobs__CoalesceDelay"] = "00:00:00.500",
            ["Jobs__QueuePollInterval"] = "00:00:00.200",
            ["Jobs__SchedulePollingInterval"] = "00:00:00.200",
            ["Worker__Name"] = "web-tests",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        var lists = Path.Combine(RepositoryPaths.SharedData, "watchlists");
        await HostProcess.RunToCompletionAsync("ResearchSecurity.Cli", workerEnvironment, "import-lists", "--list",
            $"aspi={lists}/aspi-china-defence-universities.json",
            $"us-1286={lists}/ftm/us-dod-section-1286-fy2024.ftm.jsonl",
            $"us-1260h={lists}/ftm/us-dod-1260h.ftm.jsonl");
        _hosts.Add(HostProcess.Start("worker", "ResearchSecurity.Worker", workerEnvironment));

        _hosts.Add(HostProcess.Start("web", "ResearchSecurity.Web", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Web__ApiBaseUrl"] = ApiUrl + "/",
            ["Web__Authority"] = ApiUrl + "/",
            ["Web__ProgressPollInterval"] = "00:00:00.700",
        }, "--contentRoot", HostProcess.ContentRoot("ResearchSecurity.Web"), "--urls", WebUrl));
        await WaitUpAsync(WebUrl + "/health/live", "web");

        using var admin = DevClient("fixture-admin", "Administrator");
        using var secondAdmin = DevClient("fixture-admin-2", "Administrator");
        foreach (var (name, role) in Users)
        {
            // Administrator and Auditor are granted only by two administrators (four eyes): create without the role,
            // ask with one administrator, confirm with the other — as an office would.
            var privileged = role is "Administrator" or "Auditor";
            var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, email = $"{name}@example.edu", password = Password, roles = privileged ? Array.Empty<string>() : [role] });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating {name}: {(int)response.StatusCode} {body}");
            UserIds[name] = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            if (!privileged) continue;
            foreach (var client in new[] { admin, secondAdmin })
            {
                var grant = await client.PutAsJsonAsync($"/api/v1/users/{UserIds[name]}/roles", new { roles = new[] { role } });
                if (!grant.IsSuccessStatusCode) throw new InvalidOperationException($"Granting {role} to {name}: {(int)grant.StatusCode} {await grant.Content.ReadAsStringAsync()}");
            }
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await WarmUpSignInAsync();
    }

    /// <summary>
    /// One sign-in through the browser before the tests: the hosts' first sign-in (code paths compiled, keys made,
    /// first password hash) can take longer than a test's timeouts on a busy machine, and should not land on whichever test runs first.
    /// </summary>
    private async Task WarmUpSignInAsync()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = WebUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Sign-in name").FillAsync("auditor");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(WebUrl, StringComparison.Ordinal));
    }

    /// <summary>A direct API client with the development headers: set-up only (lists, data the story does not type in).</summary>
    public HttpClient DevClient(string userId, string roles)
    {
        var client = new HttpClient { BaseAddress = new Uri(ApiUrl) };
        client.DefaultRequestHeaders.Add("X-Dev-User", userId);
        client.DefaultRequestHeaders.Add("X-Dev-Roles", roles);
        return client;
    }

    private async Task WaitUpAsync(string url, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Generous: a cold start with migrations on a loaded 2-core CI machine has taken over 90 s.
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (DateTime.UtcNow < deadline)
        {
            if (_hosts[^1].HasExited) break;
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The {name} host did not come up at {url}; see {Artifacts.Logs}/{name}.log");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        foreach (var host in _hosts) await host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<Product>
{
    public const string Name = "product";
}
