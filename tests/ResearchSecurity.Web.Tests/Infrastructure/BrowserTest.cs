using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResearchSecurity.Web.Tests.Infrastructure;

/// <summary>
/// Base of the browser tests: signs users in through the API's real sign-in form, and checks every page it is
/// asked to with axe (WCAG 2.x A/AA rules; no serious or critical violation allowed) and a full-page screenshot.
/// Any Content-Security-Policy violation or JavaScript dialog on a page fails the test.
/// </summary>
[Collection(ProductCollection.Name)]
public abstract class BrowserTest(Product product) : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, string> AxeSummary = new();
    private readonly List<IBrowserContext> _contexts = [];
    protected readonly List<string> Problems = [];

    protected Product Product { get; } = product;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        WriteAxeSummary();
    }

    /// <summary>A fresh browser (its own cookies) in a British English locale.</summary>
    protected async Task<IPage> NewBrowserPageAsync(string locale = "en-GB")
    {
        var context = await Product.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Product.WebUrl, Locale = locale, TimezoneId = "Europe/London", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        // Sign-in and page loads share two cores with the other test assemblies; the tests judge behaviour, not speed.
        context.SetDefaultNavigationTimeout(30_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (Problems) Problems.Add($"CSP on {page.Url} ({message.Location}): {message.Text}");
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (Problems) Problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Opens <paramref name="path"/>, meets the API's sign-in form, signs in and returns on that path.</summary>
    protected async Task<IPage> SignInAsync(string userName, string path = "/")
    {
        var page = await NewBrowserPageAsync();
        await page.GotoAsync(path);
        await SubmitSignInFormAsync(page, userName);
        await page.WaitForURLAsync(url => url.StartsWith(Product.WebUrl, StringComparison.Ordinal));
        return page;
    }

    protected async Task SubmitSignInFormAsync(IPage page, string userName)
    {
        Assert.StartsWith(Product.ApiUrl + "/account/signin", page.Url);
        await page.GetByLabel("Sign-in name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Product.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>axe on the page as it is now (0 serious/critical WCAG A/AA violations) and a screenshot named <paramref name="name"/>.</summary>
    protected async Task CheckPageAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(Artifacts.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        AxeSummary[name] = $"{name}: {result.Violations.Length} violations ({serious.Count} serious/critical), {result.Passes.Length} rules passed"
            + (result.Violations.Length > 0 ? " — " + string.Join(", ", result.Violations.Select(v => $"{v.Id}[{v.Impact}]")) : "");
        Assert.True(serious.Count == 0, $"axe on {name} ({page.Url}):\n" + string.Join("\n", serious.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        AssertNoProblems();
    }

    protected void AssertNoProblems()
    {
        lock (Problems) Assert.True(Problems.Count == 0, string.Join("\n", Problems));
    }

    private static void WriteAxeSummary()
    {
        Directory.CreateDirectory(Artifacts.Root);
        File.WriteAllLines(Path.Combine(Artifacts.Root, "axe-results.txt"), AxeSummary.Values.Order(StringComparer.Ordinal));
    }
}
