using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ResearchSecurity.Tests.Shared;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Admin;

public sealed class WatchlistPageTests(Product product) : BrowserTest(product)
{
    private const string Section1286 = "us-1286";

    [Fact]
    public async Task AnAdministrator_UploadsTheFy2025Edition_SeesItsChanges_ActivatesIt_AndWatchesTheRescreenFinish()
    {
        using var api = Product.DevClient("watchlist-test-admin", "Administrator");
        var inForce = await ActiveVersionAsync(api, Section1286);
        // Something on record for the re-screen to look at: a submitted, screened proposal funded by a listed university.
        await Funding.FundedProposals.CreateScreenedAsync(Product, "watchlist-test-pi", "Watchlist page test proposal", "Northwestern Polytechnical University");
        try
        {
            var page = await SignInAsync("administrator", "/Admin/Watchlists");
            await CheckPageAsync(page, "admin-watchlists");

            await page.Locator($"a[href='/Admin/Watchlists/Details/{Section1286}']").ClickAsync();
            await Expect(page).ToHaveURLAsync(Product.WebUrl + "/Admin/Watchlists/Details/" + Section1286);
            await CheckPageAsync(page, "admin-watchlist-details");

            await page.GetByRole(AriaRole.Link, new() { Name = "Upload a new version" }).ClickAsync();
            await CheckPageAsync(page, "admin-watchlist-upload");
            await page.GetByLabel("List file").SetInputFilesAsync(Path.Combine(RepositoryPaths.SharedData, "watchlists", "ftm", "us-dod-section-1286-fy2025.ftm.jsonl"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

            // The diff page of the new version, against the one before it, exactly as the API computes it.
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Changes in version \\d+") })).ToBeVisibleAsync();
            var number = int.Parse(page.Url.Split('/')[^1]);
            Assert.True(number > inForce, $"the upload made version {number}, after {inForce}");
            var diff = await api.GetFromJsonAsync<JsonElement>($"/api/v1/watchlists/{Section1286}/versions/{number}/diff");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Against version {diff.GetProperty("againstNumber").GetInt32()}" })).ToBeVisibleAsync();
            foreach (var (section, property) in new[] { ("Added", "added"), ("Removed", "removed"), ("Changed", "changed") })
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{section} ({diff.GetProperty(property).GetArrayLength()})" })).ToBeVisibleAsync();
            var added = diff.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
            Assert.NotEmpty(added);
            var addedTable = page.GetByRole(AriaRole.Table, new() { Name = "Entities added" });
            foreach (var name in added.Take(5)) await Expect(addedTable.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
            var renames = diff.GetProperty("likelyRenames").GetArrayLength();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Summary of changes" })).ToContainTextAsync($"{renames} likely renames");
            if (renames > 0) await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Likely renames" })).ToBeVisibleAsync();
            await CheckPageAsync(page, "admin-watchlist-diff");

            // A proposal funded by an institution this edition adds: screened now, it has no hit on that entry yet.
            var newlyListed = added[0];
            var funded = await Funding.FundedProposals.CreateScreenedAsync(Product, "watchlist-test-pi", $"Newly listed funder {Guid.NewGuid():N}"[..28], newlyListed);
            Assert.DoesNotContain(await Section1286HitsAsync(funded), h => h == newlyListed);

            // Activate: the re-screen's progress bar, refreshed by htmx until the job has finished.
            var polls = 0;
            page.Request += (_, request) => { if (request.Url.Contains("handler=Progress", StringComparison.Ordinal)) Interlocked.Increment(ref polls); };
            await page.GetByRole(AriaRole.Button, new() { Name = $"Activate version {number}" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Jobs/Details/[0-9a-f-]{36}$"));
            var panel = page.Locator("#job-progress");
            var firstState = await panel.GetAttributeAsync("data-job-state");
            await Expect(page.GetByLabel(new System.Text.RegularExpressions.Regex("^(Working|Finished):"))).ToBeVisibleAsync();
            await Expect(panel).ToHaveAttributeAsync("data-job-state", "succeeded", new() { Timeout = 90_000 });
            await Expect(panel.GetByText("Done.")).ToBeVisibleAsync();
            await Expect(page.Locator("progress#job-bar")).ToHaveAttributeAsync("value", "100");
            if (firstState is not ("succeeded" or "failed"))
                Assert.True(polls > 0, "the progress panel of a running job was refreshed by htmx polling");
            await CheckPageAsync(page, "admin-job-progress");

            Assert.Equal(number, await ActiveVersionAsync(api, Section1286));
            await page.GotoAsync("/Admin/Watchlists/Details/" + Section1286);
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "In force" })).ToContainTextAsync("us-dod-section-1286-fy2025.ftm.jsonl");

            // The re-screen raised the new hit, and the reviewer's queue shows the proposal with it open.
            Assert.Contains(await Section1286HitsAsync(funded), h => h == newlyListed);
            var reviewer = await SignInAsync("reviewer", "/Review");
            var row = reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Newly listed funder" });
            for (var next = 2; await row.CountAsync() == 0 && next <= 10; next++) await reviewer.GotoAsync($"/Review?p={next}");
            await Expect(row).ToBeVisibleAsync();
            Assert.True(int.Parse(await row.Locator("td:nth-child(4)").InnerTextAsync()) >= 1);
            await reviewer.GotoAsync($"/Review/Proposal/{funded}");
            await Expect(reviewer.Locator("article.hit").Filter(new() { HasText = newlyListed }).First).ToBeVisibleAsync();
        }
        finally
        {
            // Put the harness's edition back in force, so the other browser tests meet the lists as the fixture set them up.
            await RestoreAsync(api, Section1286, inForce);
        }
    }

    /// <summary>Names of the listed entities behind the proposal's active hits on the §1286 list, as a reviewer reads them.</summary>
    private async Task<List<string>> Section1286HitsAsync(Guid proposalId)
    {
        using var reviewer = Product.DevClient("watchlist-test-reviewer", "IntegrityReviewer");
        var review = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/{proposalId}");
        return review.GetProperty("hits").EnumerateArray()
            .Where(h => h.GetProperty("watchlistId").GetString() == Section1286 && h.GetProperty("status").GetString() == "Active")
            .Select(h => h.GetProperty("entityName").GetString()!).ToList();
    }

    [Fact]
    public async Task ARefusedFile_ShowsItsRowErrorsAsATable_AndStoresNoVersion()
    {
        var page = await SignInAsync("administrator", "/Admin/Watchlists/Register");
        await page.GetByLabel("Identifier").FillAsync("web-refused-list");
        await page.GetByLabel("Name shown to reviewers").FillAsync("Refused list (browser test)");
        await page.GetByLabel("File format").SelectOptionAsync("GenericCsv");
        await CheckPageAsync(page, "admin-watchlist-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Product.WebUrl + "/Admin/Watchlists/Upload/web-refused-list");

        // Row 3 has no name and row 4 ends before it starts: strict mode refuses the whole file.
        var csv = "name,country,start_date,end_date\nGood Institute of Technology,cn,2020-01-01,\n,cn,,\nLate Institute,cn,2022-01-01,2021-01-01\n";
        await page.GetByLabel("List file").SetInputFilesAsync(new FilePayload { Name = "refused.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Row errors of the refused file" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "empty name" })).ToContainTextAsync("3");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "end date before start date" })).ToContainTextAsync("end_date");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The file was refused");
        await CheckPageAsync(page, "admin-watchlist-upload-refused");

        using var api = Product.DevClient("watchlist-test-admin", "Administrator");
        var versions = await api.GetFromJsonAsync<JsonElement>("/api/v1/watchlists/web-refused-list/versions");
        Assert.Equal(0, versions.GetArrayLength());
    }

    [Fact]
    public async Task AListEntryNamedLikeMarkup_RendersAsTextInTheDiff_AndRunsNoScript()
    {
        const string markup = "<img src=x onerror=alert(1)>";
        using var api = Product.DevClient("watchlist-test-admin", "Administrator");
        var registered = await api.PostAsJsonAsync("/api/v1/watchlists", new { id = "web-markup-list", displayName = "Markup list (browser test)", format = "GenericCsv" });
        registered.EnsureSuccessStatusCode();

        var page = await SignInAsync("administrator", "/Admin/Watchlists/Upload/web-markup-list");
        var csv = $"name,aliases,country\n{markup},<script>alert(2)</script>,cn\nPlain Test Institute,,cn\n";
        await page.GetByLabel("List file").SetInputFilesAsync(new FilePayload { Name = "markup.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changes in version 1 of Markup list (browser test)" })).ToBeVisibleAsync();
        var added = page.GetByRole(AriaRole.Table, new() { Name = "Entities added" });
        await Expect(added.GetByRole(AriaRole.Cell, new() { Name = markup, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("img[src='x']")).ToHaveCountAsync(0);
        await CheckPageAsync(page, "admin-watchlist-diff-markup");
        AssertNoProblems(); // no alert dialog fired, no CSP violation
    }

    private static async Task<int> ActiveVersionAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/watchlists/{id}")).GetProperty("activeVersionNumber").GetInt32();

    private static async Task RestoreAsync(HttpClient api, string id, int number)
    {
        if (await ActiveVersionAsync(api, id) == number) return;
        var response = await api.PostAsync($"/api/v1/watchlists/{id}/versions/{number}/activate", null);
        response.EnsureSuccessStatusCode();
        var job = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var state = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}")).GetProperty("state").GetString();
            if (state is "succeeded" or "failed") return;
            await Task.Delay(300);
        }
    }
}
