using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Infrastructure;

/// <summary>What an investigator does in the guided form, step by step, as a user would (labels, buttons).</summary>
public static partial class InvestigatorSteps
{
    public sealed record Person(string Name, string Email, string Role, string? Affiliation = null, string? AffiliationCountry = null);

    /// <summary>Fills every step and submits; each page passes through <paramref name="check"/> (axe + screenshot) once filled.</summary>
    public static async Task<Guid> CreateAndSubmitAsync(IPage page, string title, string partnerName, string partnerCountry, Person person,
        Func<IPage, string, Task>? check = null)
    {
        check ??= (_, _) => Task.CompletedTask;
        await page.GotoAsync("/Proposals/Edit");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Summary").FillAsync("Joint work on lightweight structures for unmanned aircraft.");
        await check(page, "investigator-step1-proposal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue to partners" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Partners of “{title}”" })).ToBeVisibleAsync();
        var id = Guid.Parse(ProposalId().Match(page.Url).Groups[1].Value);
        await page.GetByLabel("Organisation name").First.FillAsync(partnerName);
        await page.GetByLabel("Country (two-letter code, e.g. CN)").First.FillAsync(partnerCountry);
        await check(page, "investigator-step2-partners");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue to people" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"People on “{title}”" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(person.Name);
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Role on this proposal").SelectOptionAsync(person.Role);
        if (person.Affiliation is not null)
        {
            await page.GetByLabel("Organisation 1").FillAsync(person.Affiliation);
            await page.GetByLabel("Country code").First.FillAsync(person.AffiliationCountry ?? "CN");
        }
        await page.GetByLabel("Host department 1").FillAsync("Department of Aerospace Engineering");
        await page.GetByLabel("Arrives").FillAsync("2027-03-01");
        await page.GetByLabel("Leaves").FillAsync("2027-06-30");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is this person employed by, or working under the direction of, a foreign government or a body it controls?" })
            .GetByLabel("No", new() { Exact = true }).CheckAsync();
        await check(page, "investigator-step3-person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to people" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = person.Name })).ToBeVisibleAsync();
        await check(page, "investigator-step3-people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to funding" }).ClickAsync();

        await page.GetByLabel("Funder").First.FillAsync("Example Research Council");
        await page.GetByLabel("Country code").First.FillAsync("GB");
        await page.GetByLabel("Amount").First.FillAsync("25000");
        await page.GetByLabel("Currency (e.g. EUR)").First.FillAsync("GBP");
        await check(page, "investigator-step4-funding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue to review" }).ClickAsync();

        await Expect(page.GetByText(partnerName).First).ToBeVisibleAsync();
        await check(page, "investigator-step5-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for screening and review" }).ClickAsync();
        await page.WaitForURLAsync($"**/Proposals/Details/{id}");
        return id;
    }

    /// <summary>Waits on the proposal page until the htmx-polled progress panel says screening is done.</summary>
    public static async Task WaitForScreeningAsync(IPage page)
    {
        await Expect(page.Locator("[data-screening-status]")).ToHaveAttributeAsync("data-screening-status", "done", new() { Timeout = 60_000 });
    }

    [GeneratedRegex("/Proposals/Partners/([0-9a-f-]{36})")]
    private static partial Regex ProposalId();
}
