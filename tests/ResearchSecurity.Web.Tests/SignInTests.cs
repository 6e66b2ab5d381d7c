using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests;

public sealed class SignInTests(Product product) : BrowserTest(product)
{
    [Theory]
    [InlineData("investigator", "Your proposals", "My proposals")]
    [InlineData("reviewer", "Reviews", "Review queue")]
    [InlineData("grant-officer", "Funding sources", null)]
    [InlineData("administrator", "Watchlists in force", null)]
    [InlineData("auditor", "Audit trail", null)]
    public async Task SigningIn_ThroughTheApiForm_LandsOnTheRoleDashboard(string user, string section, string? navLink)
    {
        var page = await SignInAsync(user);

        Assert.Equal(Product.WebUrl + "/", page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Signed in as {user}")).ToBeVisibleAsync();
        // Role-based navigation: only the links this role may follow.
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var link in new[] { "My proposals", "Review queue" })
        {
            if (link == navLink) await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link })).ToBeVisibleAsync();
            else await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link })).ToHaveCountAsync(0);
        }
        await CheckPageAsync(page, $"dashboard-{user}");
    }

    [Fact]
    public async Task APageOfAnotherRole_ShowsThe403Page()
    {
        var page = await SignInAsync("grant-officer", "/Review");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "403 — Not available to you" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "status-403");
    }

    [Fact]
    public async Task SigningOut_EndsTheApiSessionToo_SoTheSignInFormIsShownAgain()
    {
        var page = await SignInAsync("auditor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(Product.ApiUrl + "/account/signin", StringComparison.Ordinal));
        await Expect(page.GetByLabel("Sign-in name")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name is "rs.signin" or "rs.web.session");
    }
}
