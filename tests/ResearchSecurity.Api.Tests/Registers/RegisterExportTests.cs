using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Registers;

[Collection(ApiCollection.Name)]
public sealed class RegisterExportTests(ApiFactory api)
{
    private const string FormulaTitle = "=HYPERLINK(\"http://attacker.example/x\",\"Open\")";

    [Fact]
    public async Task TheProposalsRegister_HoldsOnlyTheInvestigatorsOwnRecords_WithFrozenHeaderAutofilterRealDatesAndNeutralisedFormulas()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        var mine = await owner.CreateProposalAsync(withPerson: false, title: FormulaTitle);
        var theirs = await api.Investigator(ApiFactory.NewUser()).CreateProposalAsync(withPerson: false, title: "Someone else's proposal");

        var bytes = await DownloadAsync(owner, "/api/v1/registers/proposals");
        using var book = new WorkbookReader(bytes);
        Assert.Empty(book.ValidationErrors);
        Assert.Equal(["Proposals", "About"], book.SheetNames);

        var sheet = book.Worksheet("Proposals");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var records = book.Records("Proposals");
        Assert.Equal($"A1:L{records.Count + 1}", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value));
        Assert.Equal("Proposal id", WorkbookReader.Text(book.Rows("Proposals")[0]["A"]));

        var row = Assert.Single(records);
        Assert.Equal(mine.Id().ToString(), WorkbookReader.Text(row["Proposal id"]));
        Assert.DoesNotContain(records, r => WorkbookReader.Text(r["Proposal id"]) == theirs.Id().ToString());
        // Text is an inline string; formula-looking text is kept as text behind an apostrophe, never as a formula.
        Assert.Equal(CellValues.InlineString, row["Title"].DataType!.Value);
        Assert.Equal("'" + FormulaTitle, WorkbookReader.Text(row["Title"]));
        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.Equal("Harbin Eng. Univ.", WorkbookReader.Text(row["Partners"]));
        Assert.Equal(0, WorkbookReader.Number(row["Members"]));
        // The creation time is a serial date with a date-time format, to the second.
        var created = DateTime.FromOADate(WorkbookReader.Number(row["Created"]));
        Assert.Equal(mine.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime, created, TimeSpan.FromSeconds(1));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", FormatOf(book, row["Created"]));

        var about = book.Records("About").ToDictionary(r => WorkbookReader.Text(r["Item"]), r => r["Value"]);
        Assert.Equal(1, WorkbookReader.Number(about["Rows in 'Proposals'"]));

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var exported = await db.AuditEvents.AsNoTracking().Where(e => e.EventType == AuditEventType.RegisterExported)
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Contains("\"register\":\"proposals\"", exported.Changes);
        Assert.Contains("\"rows\":1", exported.Changes);
    }

    [Fact]
    public async Task TheProposalsRegister_HonoursTheListFilters()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        var draft = await owner.CreateProposalAsync(title: "Stays a draft");
        var submitted = await owner.CreateProposalAsync(title: "Submitted for review");
        await (await owner.PostAsync($"/api/v1/proposals/{submitted.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);

        using var book = new WorkbookReader(await DownloadAsync(owner, "/api/v1/registers/proposals?status=Submitted"));
        var row = Assert.Single(book.Records("Proposals"));
        Assert.Equal(submitted.Id().ToString(), WorkbookReader.Text(row["Proposal id"]));
        Assert.Contains(book.Records("About"), r => WorkbookReader.Text(r["Item"]) == "Filter: status" && WorkbookReader.Text(r["Value"]) == "Submitted");
        Assert.NotEqual(draft.Id().ToString(), WorkbookReader.Text(row["Proposal id"]));
    }

    [Fact]
    public async Task TheFundingRegister_WritesAmountsAsNumbersBesideTheirCurrency()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        var proposal = await owner.CreateProposalAsync(withPerson: false);
        using var book = new WorkbookReader(await DownloadAsync(owner, $"/api/v1/registers/funding-sources?proposalId={proposal.Id()}"));
        Assert.Empty(book.ValidationErrors);
        var row = Assert.Single(book.Records("Funding sources"));
        Assert.Equal(250000, WorkbookReader.Number(row["Amount"]));
        Assert.Equal("#,##0.00", FormatOf(book, row["Amount"]));
        Assert.Equal("CNY", WorkbookReader.Text(row["Currency"]));
        Assert.Equal("Harbin Engineering University", WorkbookReader.Text(row["Payer"]));
    }

    [Fact]
    public async Task TheVisitorsRegister_HasOneRowPerVisitWithHostAndRealDates_AndFiltersByVisitPeriod()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        var person = await owner.CreatePersonAsync("Li Wei");

        using var book = new WorkbookReader(await DownloadAsync(owner, "/api/v1/registers/visitors?from=2027-03-01&to=2027-03-31"));
        Assert.Empty(book.ValidationErrors);
        var row = Assert.Single(book.Records("Visiting researchers"));
        Assert.Equal(person.Id().ToString(), WorkbookReader.Text(row["Person id"]));
        Assert.Equal("Department of Physics", WorkbookReader.Text(row["Host department"]));
        Assert.Equal("Prof. A. Smith", WorkbookReader.Text(row["Host PI"]));
        Assert.Equal(new DateTime(2027, 1, 10), DateTime.FromOADate(WorkbookReader.Number(row["Visit start"])));
        Assert.Equal(new DateTime(2027, 6, 30), DateTime.FromOADate(WorkbookReader.Number(row["Visit end"])));
        Assert.Equal("yyyy-mm-dd", FormatOf(book, row["Visit start"]));
        Assert.Contains("Beihang University", WorkbookReader.Text(row["Current affiliations"]));

        using var later = new WorkbookReader(await DownloadAsync(owner, "/api/v1/registers/visitors?from=2027-07-01"));
        Assert.Empty(later.Records("Visiting researchers"));
    }

    [Fact]
    public async Task TheVisitorsRegister_RefusesAPeriodThatEndsBeforeItStarts()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        await (await owner.GetAsync("/api/v1/registers/visitors?from=2027-03-01&to=2027-02-01")).ShouldBeValidationError("to");
    }

    [Fact]
    public async Task TheHitAndDecisionRegisters_CarryTheListVersionAliasScoreDispositionAndRationale()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.8, severity: 2);
        var hitId = (await s.ReviewAsync()).GetProperty("hits")[0].Id();
        await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/hits/{hitId}/disposition",
            new { disposition = "TrueMatch", note = "@SUM(A1:A9) looks like a formula but is a note" })).ShouldBe(HttpStatusCode.OK);
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);

        using var hits = new WorkbookReader(await DownloadAsync(s.Reviewer, $"/api/v1/registers/hits?proposalId={s.ProposalId}"));
        Assert.Empty(hits.ValidationErrors);
        var hit = Assert.Single(hits.Records("Screening hits"));
        Assert.Equal("Beihang University", WorkbookReader.Text(hit["Listed entity"]));
        Assert.Equal("Beihang University", WorkbookReader.Text(hit["Alias matched"]));
        Assert.Equal(1, WorkbookReader.Number(hit["List version"]));
        Assert.Equal(0.8, WorkbookReader.Number(hit["Score"]), 3);
        Assert.Equal("TrueMatch", WorkbookReader.Text(hit["Disposition"]));
        Assert.Equal("'@SUM(A1:A9) looks like a formula but is a note", WorkbookReader.Text(hit["Note"]));

        using var decisions = new WorkbookReader(await DownloadAsync(s.Reviewer, "/api/v1/registers/decisions?outcome=Approved"));
        Assert.Empty(decisions.ValidationErrors);
        var decision = Assert.Single(decisions.Records("Decisions"), r => WorkbookReader.Text(r["Proposal id"]) == s.ProposalId.ToString());
        Assert.Equal("Reviewed the partner and the funding.", WorkbookReader.Text(decision["Rationale"]));
        Assert.Equal("Effective", WorkbookReader.Text(decision["State"]));
        Assert.Equal("Navigation-grade quantum gyroscope", WorkbookReader.Text(decision["Proposal"]));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string FormatOf(WorkbookReader book, Cell cell)
    {
        var styles = book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        return id switch
        {
            4 => "#,##0.00",
            _ => styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value!,
        };
    }
}
