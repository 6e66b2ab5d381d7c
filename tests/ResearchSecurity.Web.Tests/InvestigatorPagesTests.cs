using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests;

public sealed class InvestigatorPagesTests(Product product) : BrowserTest(product)
{
    [Fact]
    public async Task AFormError_FromTheApi_LandsOnTheFieldItNames_AndNothingTypedIsLost()
    {
        var page = await SignInAsync("investigator", "/Proposals/Edit");
        await page.GetByLabel("Title").FillAsync("Partner with a bad country");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue to partners" }).ClickAsync();
        await page.GetByLabel("Organisation name").First.FillAsync("Tsinghua University");
        await page.GetByLabel("Country (two-letter code, e.g. CN)").First.FillAsync("XX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and add more rows" }).ClickAsync();

        var country = page.GetByLabel("Country (two-letter code, e.g. CN)").First;
        await Expect(country).ToHaveValueAsync("XX");
        await Expect(country).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("input-validation-error"));
        await Expect(page.Locator("[data-valmsg-for='Input.Partners[0].Country']")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Organisation name").First).ToHaveValueAsync("Tsinghua University");
        await CheckPageAsync(page, "investigator-partners-error");
    }

    [Fact]
    public async Task MyProposals_ListsOnlyMine_AndAnotherInvestigatorsProposalUrl_ShowsThe403Page()
    {
        var owner = await SignInAsync("investigator", "/Proposals/Edit");
        await owner.GetByLabel("Title").FillAsync("Private collaboration of investigator one");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue to partners" }).ClickAsync();
        var id = owner.Url.Split('/')[^1];
        await owner.GotoAsync("/Proposals");
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Private collaboration of investigator one" }).First).ToBeVisibleAsync();
        await CheckPageAsync(owner, "investigator-my-proposals");

        var other = await SignInAsync("investigator2", $"/Proposals/Details/{id}");

        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "403 — Not available to you" })).ToBeVisibleAsync();
        await Expect(other.GetByText("Private collaboration of investigator one")).ToHaveCountAsync(0);
        await other.GotoAsync("/Proposals");
        await Expect(other.GetByText("Private collaboration of investigator one")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnExpiredSession_GoesBackToTheSignInForm_AndReturnsToThePageAfterwards()
    {
        var page = await SignInAsync("investigator");
        await page.Context.ClearCookiesAsync();

        await page.GotoAsync("/Proposals?status=Draft");

        await SubmitSignInFormAsync(page, "investigator");
        await page.WaitForURLAsync(Product.WebUrl + "/Proposals?status=Draft");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My proposals" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheGuidedForm_WorksWithJavaScriptOff()
    {
        var context = await Product.Browser.NewContextAsync(new() { BaseURL = Product.WebUrl, JavaScriptEnabled = false, Locale = "en-GB" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await SubmitSignInFormAsync(page, "investigator");
            await page.WaitForURLAsync(Product.WebUrl + "/");
            var id = await InvestigatorSteps.CreateAndSubmitAsync(page, "Composite wing panels (no script)", "University of Cambridge", "GB",
                new InvestigatorSteps.Person("Ada Lovelace", "ada@cam.ac.uk", "CoInvestigator"));

            // Without htmx the page offers a refresh link until screening is done.
            for (var i = 0; i < 60 && await page.Locator("[data-screening-status='done']").CountAsync() == 0; i++)
            {
                await Task.Delay(500);
                await page.GotoAsync($"/Proposals/Details/{id}");
            }
            await Expect(page.Locator("[data-screening-status]")).ToHaveAttributeAsync("data-screening-status", "done");
            await Expect(page.Locator(".status").First).ToHaveTextAsync(Submitted);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheInvestigatorForm_CanBeCompletedWithTheKeyboardOnly()
    {
        var page = await SignInAsync("investigator", "/Proposals/Edit");

        await TabToAsync(page, "Input.Title");
        await page.Keyboard.TypeAsync("Keyboard-only collaboration");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partners of “Keyboard-only collaboration”" })).ToBeVisibleAsync();

        await TabToAsync(page, "Input.Partners[0].Name");
        await page.Keyboard.TypeAsync("ETH Zurich");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("CH");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People on “Keyboard-only collaboration”" })).ToBeVisibleAsync();

        await TabToAsync(page, null, "Add a person");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Proposals/Person/**");
        await TabToAsync(page, "Input.Name");
        await page.Keyboard.TypeAsync("Grace Hopper");
        await TabToAsync(page, "Input.Role");
        await page.Keyboard.PressAsync("ArrowDown"); // Principal investigator
        await TabToAsync(page, "Input.Email");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Proposals/People/**");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" })).ToBeVisibleAsync();

        await TabToAsync(page, null, "Continue to funding");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Proposals/Funding/**");
        await TabToAsync(page, null, "Save draft and continue to review");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Proposals/Submit/**");
        await TabToAsync(page, null, "Submit for screening and review");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/Proposals/Details/**");
        await Expect(page.Locator(".status").First).ToHaveTextAsync(Submitted);
    }

    private static readonly System.Text.RegularExpressions.Regex Submitted = new("^(Submitted|Screening|In review)$");

    /// <summary>Presses Tab until the focused element has the given name (form field) or text (link, button).</summary>
    private static async Task TabToAsync(IPage page, string? name, string? text = null)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement?.getAttribute('name') ?? '', document.activeElement?.textContent?.trim() ?? '']");
            if ((name is not null && focused[0] == name) || (text is not null && focused[1] == text)) return;
        }
        Assert.Fail($"Tab never reached {name ?? text}");
    }
}
