using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests;

/// <summary>
/// Tampering tests get a database of their own (class fixture, not the shared collection), because they break the
/// chain on purpose; the altering test puts the row back so the others in this class still see an intact chain.
/// </summary>
public sealed class AuditTrailTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Auditor => api.ClientFor(ApiFactory.NewUser("aud"), Roles.Auditor);

    [Fact]
    public async Task Verify_AfterASuperuserAltersOneRow_PointsAtThatEvent()
    {
        await AuditTamper.SeedEventsAsync(api, 4);
        var before = await AuditTamper.VerifyAsync(api);
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());

        await AuditTamper.ExecuteAsSuperuserAsync(api, "UPDATE audit_events SET actor_id = actor_id || '-forged' WHERE sequence = 3");

        var after = await AuditTamper.VerifyAsync(api);
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(3, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("altered", after.GetProperty("problem").GetString());
        await AuditTamper.ExecuteAsSuperuserAsync(api, "UPDATE audit_events SET actor_id = left(actor_id, length(actor_id) - 7) WHERE sequence = 3");
        var restored = await AuditTamper.VerifyAsync(api);
        Assert.True(restored.GetProperty("intact").GetBoolean(), restored.ToString());
    }

    [Fact]
    public async Task ApplicationRole_CannotUpdateOrDeleteAuditRows_ButCanAppendAndRead()
    {
        await AuditTamper.SeedEventsAsync(api, 1);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("SET ROLE rs_app", connection).ExecuteNonQueryAsync();

        Assert.True((long)(await new NpgsqlCommand("SELECT count(*) FROM audit_events", connection).ExecuteScalarAsync())! > 0);
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            new NpgsqlCommand("UPDATE audit_events SET reason = 'x' WHERE sequence = 1", connection).ExecuteNonQueryAsync());
        Assert.Contains("permission denied", update.MessageText);
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            new NpgsqlCommand("DELETE FROM audit_events WHERE sequence = 1", connection).ExecuteNonQueryAsync());
        Assert.Contains("permission denied", delete.MessageText);
        // The same role may change ordinary records.
        Assert.True(await new NpgsqlCommand("UPDATE proposals SET summary = summary", connection).ExecuteNonQueryAsync() >= 1);
    }

    [Fact]
    public async Task ExportProposalTrail_AsAuditor_ReturnsEveryEventInOrderAndAuditsTheExport()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var proposal = await pi.CreateProposalAsync();
        await (await pi.PutJsonWithETag($"/api/v1/proposals/{proposal.Id()}", new { title = "Renamed" }, proposal.ETag())).ShouldBe(HttpStatusCode.OK);
        await (await pi.PostAsync($"/api/v1/proposals/{proposal.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);

        var response = await Auditor.GetAsync($"/api/v1/audit/proposals/{proposal.Id()}/export");
        var export = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var types = export.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Equal(["ProposalCreated", "ProposalUpdated", "ProposalSubmitted"], types);

        var exports = await (await Auditor.GetAsync($"/api/v1/audit/events?proposalId={proposal.Id()}&eventType=AuditTrailExported")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, exports.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ExportProposalTrail_AsXlsx_HasOneRowPerEventWithItsHash()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var proposal = await pi.CreateProposalAsync();
        await (await pi.PostAsync($"/api/v1/proposals/{proposal.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);

        var response = await Auditor.GetAsync($"/api/v1/audit/proposals/{proposal.Id()}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);

        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "Audit trail");
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString!.InnerText).ToList()).ToList();
        Assert.Equal("Sequence", rows[0][0]);
        Assert.Equal(["ProposalCreated", "ProposalSubmitted"], rows.Skip(1).Select(r => r[2]).ToList());
        Assert.All(rows.Skip(1), r => Assert.Equal(64, r[12].Length));

        await (await Auditor.GetAsync($"/api/v1/audit/proposals/{proposal.Id()}/export?format=pdf")).ShouldBeValidationError("format");
    }

    [Fact]
    public async Task AuditEndpoints_AsReviewerOrInvestigator_Return403()
    {
        var reviewer = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);
        await (await reviewer.GetAsync("/api/v1/audit/events")).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Investigator("pi-x").PostAsync("/api/v1/audit/verify", null)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>Deleting a row cannot be undone, so this test owns a database of its own.</summary>
public sealed class AuditDeletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Verify_AfterASuperuserDeletesARow_PointsAtTheMissingEvent()
    {
        await AuditTamper.SeedEventsAsync(api, 3);
        var intact = await AuditTamper.VerifyAsync(api);
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        var victim = intact.GetProperty("eventsChecked").GetInt64() - 1;

        await AuditTamper.ExecuteAsSuperuserAsync(api, $"DELETE FROM audit_events WHERE sequence = {victim}");

        var after = await AuditTamper.VerifyAsync(api);
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(victim, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("missing", after.GetProperty("problem").GetString());
    }

}
