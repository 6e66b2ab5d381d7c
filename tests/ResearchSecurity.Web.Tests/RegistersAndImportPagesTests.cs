using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests;

public sealed class RegistersAndImportPagesTests(Product product) : BrowserTest(product)
{
    private const string Header = "Name,Native name,E-mail,ORCID,Affiliation,Affiliation country,Affiliation kind,Affiliation start,Host department,Host PI,Visit start,Visit end,Sponsor,Proposal id";

    [Fact]
    public async Task AnInvestigator_UploadsADepartmentsSheet_SeesEachRowsResult_AndImportsTheValidRows()
    {
        var page = await SignInAsync("investigator", "/Proposals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import visiting researchers" }).ClickAsync();
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the template (Excel)" }).ClickAsync());
        Assert.Equal("visitor-import-template.xlsx", template.SuggestedFilename);

        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = string.Join("\r\n",
            Header,
            $"Zhao Lei {tag},赵磊,zhao.{tag}@hit.edu.cn,,\"School of Astronautics, Harbin Institute of Technology\",CN,Employment,2015-09-01,Department of Aerospace Engineering,Prof. A. Smith,2027-03-01,2027-08-31,China Scholarship Council,",
            $"Anna Petrova {tag},Анна Петрова,petrova.{tag}@bmstu.ru,,Bauman Moscow State Technical University,RU,VisitingAppointment,,Department of Materials,,2027-04-01,2027-06-30,,",
            $"<script>alert(1)</script> {tag},,,,Tsinghua University,China,,,Department of Physics,,2027-13-01,2027-06-30,,") + "\r\n";
        await page.GetByLabel("Filled-in template (.xlsx) or CSV UTF-8").SetInputFilesAsync(new FilePayload
            { Name = "department-visitors.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "department-visitors.csv: 2 of 3 row(s) can be imported" })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "What each row of the file would do" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(2)).ToContainTextAsync("Affiliation country");
        await Expect(rows.Nth(2)).ToContainTextAsync("is not a date");
        // The name is shown as text, never run.
        await Expect(rows.Nth(2)).ToContainTextAsync("<script>alert(1)</script>");
        await CheckPageAsync(page, "investigator-visitor-import-preview");

        var errors = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the rows with errors (Excel)" }).ClickAsync());
        using (var book = SpreadsheetDocument.Open((await errors.PathAsync())!, false))
        {
            var text = book.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.InnerText).Aggregate("", string.Concat);
            Assert.Contains("is not a date", text);
            Assert.DoesNotContain($"Zhao Lei {tag}", text);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the 2 valid row(s) only" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imported 2 visitor(s)" })).ToBeVisibleAsync();
        await Expect(page.GetByText("1 row(s) with errors left out")).ToBeVisibleAsync();
        await CheckPageAsync(page, "investigator-visitor-import-done");
        AssertNoProblems();
    }

    [Fact]
    public async Task EachRole_SeesTheRegistersItReads_AndDownloadsThemAsWorkbooks()
    {
        var reviewer = await SignInAsync("reviewer", "/");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Registers" }).ClickAsync();
        foreach (var title in new[] { "Proposals", "Visiting researchers", "Funding sources", "Screening hits", "Decisions" })
            await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await CheckPageAsync(reviewer, "reviewer-registers");
        var hits = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByRole(AriaRole.Button, new() { Name = "Download the screening hits register (Excel)" }).ClickAsync());
        Assert.StartsWith("hits-register-", hits.SuggestedFilename);
        using (var book = SpreadsheetDocument.Open((await hits.PathAsync())!, false))
            Assert.Equal(["Screening hits", "About"], book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));

        var investigator = await SignInAsync("investigator", "/Registers");
        await Expect(investigator.GetByRole(AriaRole.Heading, new() { Name = "Visiting researchers", Exact = true })).ToBeVisibleAsync();
        await Expect(investigator.GetByRole(AriaRole.Heading, new() { Name = "Screening hits", Exact = true })).ToHaveCountAsync(0);
        await investigator.GetByLabel("Visits from").FillAsync("2027-03-01");
        await investigator.GetByLabel("to", new() { Exact = true }).FillAsync("2027-01-01");
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Download the visiting researchers register (Excel)" }).ClickAsync();
        await Expect(investigator.GetByRole(AriaRole.Alert)).ToContainTextAsync("'to' must not be before 'from'.");

        var grantOfficer = await SignInAsync("grant-officer", "/Registers");
        await Expect(grantOfficer.GetByRole(AriaRole.Heading, new() { Name = "Funding sources", Exact = true })).ToBeVisibleAsync();
        await Expect(grantOfficer.GetByRole(AriaRole.Heading, new() { Name = "Proposals", Exact = true })).ToHaveCountAsync(0);

        var administrator = await SignInAsync("administrator", "/Registers");
        await Expect(administrator.GetByRole(AriaRole.Heading, new() { Name = "403 — Not available to you" })).ToBeVisibleAsync();
        AssertNoProblems();
    }
}
