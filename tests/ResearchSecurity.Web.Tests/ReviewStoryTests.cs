using System.Net.Http.Json;
using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests;

public sealed class ReviewStoryTests(Product product) : BrowserTest(product)
{
    private const string Partner = "School of Aeronautics, Northwestern Polytechnical University, Xi'an";

    [Fact]
    public async Task Story_InvestigatorSubmits_ReviewerDispositionsAndApprovesWithConditions_SecondReviewerConfirms()
    {
        // The investigator signs in through the real sign-in form and fills the guided form.
        var investigator = await SignInAsync("investigator");
        var title = $"UAV wing structures {Guid.NewGuid():N}"[..30];
        var id = await InvestigatorSteps.CreateAndSubmitAsync(investigator, title, Partner, "CN",
            new InvestigatorSteps.Person("Li Wei", "li.wei@nudt.edu.cn", "VisitingResearcher"), CheckPageAsync);

        // Screening progress updates by itself (htmx polling) until the worker is done.
        await InvestigatorSteps.WaitForScreeningAsync(investigator);
        await Expect(investigator.GetByText("possible matches were found")).ToBeVisibleAsync();
        await CheckPageAsync(investigator, "investigator-proposal-screened");

        // A reviewer finds it in the queue, highest risk first.
        var reviewer = await SignInAsync("reviewer", "/Review");
        var row = reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".risk")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(High|Critical) risk$"));
        await CheckPageAsync(reviewer, "reviewer-queue");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Claim “{title}”" }).ClickAsync();
        await Expect(reviewer.GetByText("Claimed: the proposal is assigned to you.")).ToBeVisibleAsync();
        await reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

        // Each hit side by side with the listed entity, the matched part highlighted, the score in words.
        var hits = reviewer.Locator("article.hit");
        await Expect(hits.First).ToBeVisibleAsync();
        var partnerHit = hits.Filter(new() { HasText = "Northwestern Polytechnical" }).First;
        await Expect(partnerHit.Locator("mark")).Not.ToBeEmptyAsync();
        await Expect(partnerHit.GetByRole(AriaRole.Heading, new() { Name = "Listed entity" })).ToBeVisibleAsync();
        await partnerHit.GetByText("Why this score").ClickAsync();
        await Expect(partnerHit.Locator("details li").First).ToBeVisibleAsync();
        await CheckPageAsync(reviewer, "reviewer-review-page");

        // Disposition every hit: the partner is the listed university; anything else needs information.
        var count = await hits.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var hit = hits.Nth(i);
            var isPartner = (await hit.InnerTextAsync()).Contains("Northwestern Polytechnical", StringComparison.Ordinal);
            await hit.GetByLabel("Note in your own words").FillAsync(isPartner ? "The partner school is part of the listed university." : "Ask about the visitor's employer.");
            await hit.GetByRole(AriaRole.Button, new() { Name = isPartner ? "True match" : "Needs information" }).ClickAsync();
            await Expect(reviewer.Locator("article.hit").Nth(i).Locator(".hitstate")).ToHaveTextAsync(isPartner ? "True match" : "Needs information");
        }

        // Approve with conditions; at high risk the decision waits for a second reviewer.
        await reviewer.GetByLabel("Approved with conditions").CheckAsync();
        await reviewer.GetByLabel("Rationale").FillAsync("Acceptable with export-control mitigation.");
        await reviewer.GetByLabel("Condition 1").FillAsync("Technology control plan signed before the visit");
        await reviewer.GetByLabel("Owner").First.FillAsync("Export control office");
        await reviewer.GetByLabel("Due date").First.FillAsync("2027-02-15");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(reviewer.GetByText("waiting for a second reviewer's confirmation")).ToBeVisibleAsync();
        // The same reviewer cannot be the second pair of eyes.
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Confirm the decision as second reviewer" }).ClickAsync();
        await Expect(reviewer.Locator("[role=alert]").First).Not.ToBeEmptyAsync();
        await Expect(reviewer.Locator("#risk-summary .status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(In review|Information requested)$"));

        var second = await SignInAsync("reviewer2", $"/Review/Proposal/{id}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Confirm the decision as second reviewer" }).ClickAsync();
        await Expect(second.GetByText("Decision confirmed; it is now in effect.")).ToBeVisibleAsync();
        await Expect(second.Locator("#risk-summary .status")).ToHaveTextAsync("Approved with conditions");
        await Expect(second.GetByText("Technology control plan signed before the visit")).ToBeVisibleAsync();
        await Expect(second.Locator(".timeline li").Filter(new() { HasText = "Decision confirmed by you" })).ToHaveCountAsync(1);
        await CheckPageAsync(second, "reviewer-decision-confirmed");
        // The decision is filed as the review dossier: a Word document named by the proposal id only.
        var dossier = await second.RunAndWaitForDownloadAsync(() => second.GetByRole(AriaRole.Link, new() { Name = "Download the review dossier (Word)" }).ClickAsync());
        Assert.Equal($"review-dossier-{id}.docx", dossier.SuggestedFilename);
        using (var word = System.IO.Compression.ZipFile.OpenRead((await dossier.PathAsync())!))
        using (var xml = new StreamReader(word.GetEntry("word/document.xml")!.Open()))
        {
            var text = await xml.ReadToEndAsync();
            Assert.Contains("Technology control plan signed before the visit", text);
            Assert.Contains("The partner school is part of the listed university.", text);
        }

        // The investigator sees the outcome.
        await investigator.GotoAsync($"/Proposals/Details/{id}");
        await Expect(investigator.Locator(".status").First).ToHaveTextAsync("Approved with conditions");
        // The investigator's dossier carries the decision but not the reviewers' notes.
        var own = await investigator.RunAndWaitForDownloadAsync(() => investigator.GetByRole(AriaRole.Link, new() { Name = "Download the review dossier (Word)" }).ClickAsync());
        using (var word = System.IO.Compression.ZipFile.OpenRead((await own.PathAsync())!))
        using (var xml = new StreamReader(word.GetEntry("word/document.xml")!.Open()))
        {
            var text = await xml.ReadToEndAsync();
            Assert.Contains("Technology control plan signed before the visit", text);
            Assert.DoesNotContain("The partner school is part of the listed university.", text);
        }

        // The auditor sees every step of the story in the proposal's trail, and the chain verifies.
        var auditor = await SignInAsync("auditor", $"/Audit?proposalId={id}");
        var trail = auditor.GetByRole(AriaRole.Table, new() { Name = "Audit events, newest first" });
        foreach (var step in new[] { "Decision confirmed", "Decision recorded", "Hit dispositioned" })
            await Expect(trail.GetByRole(AriaRole.Cell, new() { Name = step, Exact = true }).First).ToBeVisibleAsync();
        var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.GetByRole(AriaRole.Link, new() { Name = "JSON", Exact = true }).ClickAsync());
        using (var exported = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            var types = exported.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToHashSet();
            foreach (var step in new[] { "ProposalCreated", "ProposalSubmitted", "ProposalScreeningCompleted", "ReviewClaimed", "HitDispositioned", "DecisionRecorded", "DecisionConfirmed" })
                Assert.Contains(step, types);
        }
        await CheckPageAsync(auditor, "auditor-story-trail");
        await auditor.GotoAsync("/Audit/Verify");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        await Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("Chain verified");
    }

    [Fact]
    public async Task AWatchlistEntryWithMarkup_IsShownAsText_AndNeverRuns()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        const string Listed = "Zhuhai Rocketry Institute " + Markup;
        using (var admin = Product.DevClient("xss-admin", "Administrator"))
        {
            var registered = await admin.PostAsJsonAsync("/api/v1/watchlists", new { id = "xss-test", displayName = "Markup test list", format = "GenericCsv", source = "Upload", severity = 4 });
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"id,name,country\nxss-1,\"{Listed}\",CN\n")), "file", "xss.csv");
            var uploaded = await admin.PostAsync("/api/v1/watchlists/xss-test/versions", form);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
            var activated = await admin.PostAsync("/api/v1/watchlists/xss-test/versions/1/activate", null);
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        }

        var investigator = await SignInAsync("investigator");
        var title = $"Markup partner {Guid.NewGuid():N}"[..24];
        var id = await InvestigatorSteps.CreateAndSubmitAsync(investigator, title, Listed, "CN",
            new InvestigatorSteps.Person("Zhang San", "zhang.san@example.org", "CoInvestigator"));
        await InvestigatorSteps.WaitForScreeningAsync(investigator);

        var reviewer = await SignInAsync("reviewer", $"/Review/Proposal/{id}");
        var hit = reviewer.Locator("article.hit").Filter(new() { HasText = Listed }).First;
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit.GetByRole(AriaRole.Heading, new() { Name = Listed })).ToBeVisibleAsync();
        await Expect(reviewer.Locator("img")).ToHaveCountAsync(0);
        await Expect(investigator.Locator("img")).ToHaveCountAsync(0);
        await CheckPageAsync(reviewer, "reviewer-markup-as-text");
        AssertNoProblems(); // no alert dialog, no CSP violation
    }
}
