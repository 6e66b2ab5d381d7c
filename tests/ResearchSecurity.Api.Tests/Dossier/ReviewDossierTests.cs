using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Dossier;

[Collection(ApiCollection.Name)]
public sealed class ReviewDossierTests(ApiFactory api)
{
    private const string ReviewerNote = "Checked with the partner: the school reports to the university's defence lab.";

    [Fact]
    public async Task TheReviewersDossier_IsAValidWordDocumentWithOutlineHitTableDecisionAndTheChainHeadAtPrinting()
    {
        var s = await DispositionedAndDecidedAsync();
        using var response = await s.Reviewer.GetAsync($"/api/v1/proposals/{s.ProposalId}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"review-dossier-{s.ProposalId}.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("RS_DOSSIER_SAMPLE") is { Length: > 0 } sample) await File.WriteAllBytesAsync(sample, bytes);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Summary and technology areas", "Parties", "Funding", "Screening hits", "Risk", "Questions to the investigator", "Decisions", "Audit excerpt"], headings);
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC"));

        var hitTable = TableAfter(body, "Screening hits");
        Assert.NotNull(hitTable.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        var hitRow = hitTable.Elements<TableRow>().Skip(1).Single().InnerText;
        Assert.Contains("Beihang University", hitRow);
        Assert.Contains("version 1", hitRow);
        Assert.Contains(ReviewerNote, hitRow);
        Assert.Contains("Approved", string.Join(" ", body.Elements<Paragraph>().Select(p => p.InnerText)));

        await api.AuditObservationsWrittenAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var printed = await db.AuditEvents.AsNoTracking().Where(e => e.EventType == AuditEventType.DossierPrinted && e.ProposalId == s.ProposalId).SingleAsync();
        var headAtPrinting = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == printed.Sequence - 1).Select(e => e.Hash).SingleAsync();
        Assert.Contains($"hash {headAtPrinting}", body.InnerText);
        Assert.Contains("verified intact", body.InnerText);

        var footer = doc.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(s.ProposalId.ToString(), footer.InnerText);
        Assert.Contains("printed from the audit-verified record", footer.InnerText);
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Contains("PAGE"));
        Assert.Equal($"Review dossier {s.ProposalId}", doc.PackageProperties.Title);
    }

    [Fact]
    public async Task TheInvestigatorsDossier_LeavesOutTheReviewersNotesAndWhoReadTheRecord()
    {
        var s = await DispositionedAndDecidedAsync();
        await (await s.Reviewer.GetAsync($"/api/v1/reviews/{s.ProposalId}")).ShouldBe(HttpStatusCode.OK);   // a read observation
        using var response = await s.Owner.GetAsync($"/api/v1/proposals/{s.ProposalId}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Beihang University", text);
        Assert.DoesNotContain(ReviewerNote, text);
        Assert.DoesNotContain(nameof(AuditEventType.ReviewViewed), text);
        Assert.Contains(nameof(AuditEventType.DecisionRecorded), text);
        Assert.Contains("investigator's version", text);
    }

    [Fact]
    public async Task AnotherInvestigator_GetsNoDossier()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.8, severity: 3);
        var other = api.Investigator(ApiFactory.NewUser());
        await (await other.GetAsync($"/api/v1/proposals/{s.ProposalId}/dossier")).ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<ReviewScenario> DispositionedAndDecidedAsync()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.8, severity: 2);
        var hitId = (await s.ReviewAsync()).GetProperty("hits")[0].Id();
        await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/hits/{hitId}/disposition",
            new { disposition = "TrueMatch", note = ReviewerNote })).ShouldBe(HttpStatusCode.OK);
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);
        return s;
    }

    private static Table TableAfter(Body body, string heading)
    {
        var start = body.Elements<Paragraph>().First(p => p.InnerText == heading);
        return start.ElementsAfter().OfType<Table>().First();
    }
}
