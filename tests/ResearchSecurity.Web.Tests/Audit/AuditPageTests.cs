using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Funding;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Audit;

public sealed class AuditPageTests(Product product) : BrowserTest(product)
{
    [Fact]
    public async Task TheAuditorsVerification_ShowsTheChainVerified()
    {
        var page = await SignInAsync("auditor", "/Audit/Verify");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Chain verified");
        var checkedText = await page.Locator("dl.facts dd").First.InnerTextAsync();
        Assert.True(long.Parse(checkedText.Replace(",", "").Replace(".", "").Replace(" ", "").Replace("\u202f", "")) > 0, checkedText);
        await CheckPageAsync(page, "audit-verify");
    }

    [Fact]
    public async Task TheAuditLog_FiltersByEventType_AndCountsAsTheApiDoes()
    {
        var page = await SignInAsync("auditor", "/Audit");
        await CheckPageAsync(page, "audit-log");

        await page.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync("UserCreated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        using var api = Product.DevClient("audit-test-auditor", "Auditor");
        var expected = (await api.GetFromJsonAsync<JsonElement>("/api/v1/audit/events?eventType=UserCreated&pageSize=1")).GetProperty("totalCount").GetInt32();
        Assert.True(expected >= Product.Users.Count);
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("event\\(s\\), newest first") })).ToContainTextAsync(expected.ToString());
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Audit events, newest first" }).Locator("tbody tr");
        Assert.Equal(Math.Min(expected, 25), await rows.CountAsync());
        foreach (var cell in await rows.Locator("td:nth-child(3)").AllInnerTextsAsync()) Assert.Equal("User created", cell);

        // A signed-in user is named in the log, not shown as an id: the newest sign-in is this auditor's own.
        await page.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync("UserSignedIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(rows.First.Locator("td:nth-child(4)")).ToContainTextAsync("auditor");
        await Expect(rows.First.Locator("td:nth-child(4)")).Not.ToContainTextAsync(Product.UserIds["auditor"]);
    }

    [Fact]
    public async Task AProposalsTrail_DownloadsAsJsonAndExcel_ThroughTheWebHost()
    {
        var proposal = await FundedProposals.CreateScreenedAsync(Product, "audit-test-pi", "Audit export test proposal", "Example Research Council");
        var page = await SignInAsync("auditor", $"/Audit?proposalId={proposal}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Audit events, newest first" }).GetByText("Proposal submitted")).ToBeVisibleAsync();
        await CheckPageAsync(page, "audit-log-proposal");

        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "JSON", Exact = true }).ClickAsync());
        Assert.StartsWith(Product.WebUrl + "/Audit", json.Url);
        Assert.Equal($"audit-trail-{proposal}.json", json.SuggestedFilename);
        using (var trail = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!)))
        {
            Assert.Equal(proposal, trail.RootElement.GetProperty("proposalId").GetGuid());
            var types = trail.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
            Assert.Contains("ProposalCreated", types);
            Assert.Contains("ProposalSubmitted", types);
        }

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel workbook" }).ClickAsync());
        Assert.Equal($"audit-trail-{proposal}.xlsx", xlsx.SuggestedFilename);
        using var workbook = ZipFile.OpenRead((await xlsx.PathAsync())!);
        Assert.Contains(workbook.Entries, e => e.FullName == "xl/workbook.xml");
    }
}
