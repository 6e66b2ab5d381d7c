using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests;

public sealed class ApproachReportPagesTests(Product product) : BrowserTest(product)
{
    [Fact]
    public async Task AnInvestigator_ReportsAnApproach_FixingTheFormsErrors_AndAReviewerTriagesItToClosed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = $"<img src=x onerror=alert(1)> Ocean Star Instruments {tag}";
        var page = await SignInAsync("investigator", "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Approach reports" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Report an approach" }).ClickAsync();

        await page.GetByLabel("Organisation").FillAsync(organisation);
        await page.GetByLabel("How").SelectOptionAsync("Conference");
        await page.GetByLabel("Data", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("A lecture invitation with paid travel").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        // The API's field error comes back beside the field; nothing was filed.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("what happened");
        await page.GetByLabel("What happened, in your words").FillAsync("He asked for our raw sonar recordings and offered a paid lecture tour.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sent to the research-integrity office");
        await Expect(page.GetByText(organisation)).ToBeVisibleAsync(); // shown as text, never run
        await Expect(page.GetByTestId("approach-status")).ToHaveTextAsync("New");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take under review" })).ToHaveCountAsync(0);
        await CheckPageAsync(page, "investigator-approach-report");
        var url = page.Url;

        var reviewer = await SignInAsync("reviewer", "/");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Approach reports" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = organisation }).ClickAsync();
        Assert.Equal(url, reviewer.Url);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Take under review" }).ClickAsync();
        await Expect(reviewer.GetByTestId("approach-status")).ToHaveTextAsync("Under review");
        await reviewer.GetByLabel("Outcome").SelectOptionAsync("Suspicious");
        await reviewer.GetByLabel("Why the office concluded this").FillAsync("Same pattern as two earlier approaches.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Close the report" }).ClickAsync();
        await Expect(reviewer.GetByTestId("approach-status")).ToHaveTextAsync("Closed");
        await Expect(reviewer.GetByText("Same pattern as two earlier approaches.")).ToBeVisibleAsync();
        await CheckPageAsync(reviewer, "reviewer-approach-report-closed");
        AssertNoProblems();
    }
}
