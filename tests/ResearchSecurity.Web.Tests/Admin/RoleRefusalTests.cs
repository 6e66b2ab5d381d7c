using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Admin;

public sealed class RoleRefusalTests(Product product) : BrowserTest(product)
{
    private static readonly string[] AreaLinks = ["Watchlists", "Users and roles", "Audit log", "Funding sources"];

    [Theory]
    [InlineData("investigator", "/Admin/Watchlists")]
    [InlineData("investigator", "/Admin/Users")]
    [InlineData("investigator", "/Admin/Watchlists/Details/us-1286")]
    [InlineData("reviewer", "/Admin/Jobs")]
    [InlineData("grant-officer", "/Audit")]
    [InlineData("auditor", "/Admin/Users/Create")]
    [InlineData("administrator", "/Audit/Verify")]
    [InlineData("administrator", "/Funding")]
    public async Task APageOfAnotherRole_ShowsThe403Page(string user, string path)
    {
        var page = await SignInAsync(user, path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "403 — Not available to you" })).ToBeVisibleAsync();
        Assert.Equal(Product.WebUrl + path, page.Url);
    }

    [Theory]
    [InlineData("investigator", null, null)]
    [InlineData("reviewer", null, null)]
    [InlineData("grant-officer", "Funding sources", null)]
    [InlineData("administrator", "Watchlists", "Users and roles")]
    [InlineData("auditor", "Audit log", null)]
    public async Task TheNavigation_ShowsOnlyTheAreasOfTheUsersRole(string user, string? first, string? second)
    {
        var page = await SignInAsync(user);

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var link in AreaLinks)
        {
            if (link == first || link == second) await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
            else await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveCountAsync(0);
        }
    }
}
