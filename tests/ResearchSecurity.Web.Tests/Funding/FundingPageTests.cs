using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Funding;

public sealed class FundingPageTests(Product product) : BrowserTest(product)
{
    [Fact]
    public async Task AGrantOfficer_FindsAFundingSourceByName_AndSeesTheHitsOnItsFunder()
    {
        // A funder that is on the real lists the harness imported.
        const string funder = "National University of Defense Technology";
        var proposal = await FundedProposals.CreateScreenedAsync(Product, "funding-test-pi", "Funding page test proposal", funder, sponsor: "Example Foundation");

        var page = await SignInAsync("grant-officer", "/Funding");
        await CheckPageAsync(page, "funding-sources");
        await page.GetByLabel("Funder, sponsor or payer contains").FillAsync("defense technology");
        await page.GetByLabel("Country (ISO code)").FillAsync("cn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = funder });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Example Foundation");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Example Foundation" })).ToHaveCountAsync(1);

        // Sorting follows the API's keys; the header says which way the column is sorted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Amount", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" })).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Contains("sort=amount", page.Url);
        Assert.Contains("q=defense", page.Url);

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new("^Funding hits") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Product.WebUrl + "/Funding/Hits/" + proposal);
        var hits = page.GetByRole(AriaRole.Table, new() { Name = "Funding-related hits" });
        // The grant officer sees what the API shows them: the funding hits, field by field.
        using var officer = Product.DevClient("funding-test-officer", "GrantOfficer");
        var screening = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/proposals/{proposal}/screening");
        var apiHits = screening.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(apiHits);
        Assert.All(apiHits, h => Assert.Equal("FundingSource", h.GetProperty("subjectType").GetString()));
        await Expect(hits.GetByRole(AriaRole.Row)).ToHaveCountAsync(apiHits.Count + 1);
        await Expect(hits.GetByRole(AriaRole.Row).Filter(new() { HasText = funder }).First).ToContainTextAsync("Funder");
        await CheckPageAsync(page, "funding-hits");
    }
}
