using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Api.Tests.Security;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Imports;

[Collection(ApiCollection.Name)]
public sealed class VisitorImportTests(ApiFactory api)
{
    [Fact]
    public async Task TheTemplate_IsAValidWorkbookWithDropDownListsDateChecksAndInstructions()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        using var response = await pi.GetAsync("/api/v1/imports/visitors/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(book.ValidationErrors);
        Assert.Equal(["Visitors", "Instructions", "Lists"], book.SheetNames);
        Assert.Equal(VisitorFiles.Header.Split(','), book.Rows("Visitors")[0].Values.Select(WorkbookReader.Text));

        var validations = book.Worksheet("Visitors").Descendants<DataValidation>().ToList();
        Assert.Contains(validations, v => v.Type!.Value == DataValidationValues.List && v.SequenceOfReferences!.InnerText == "G2:G5001"
            && v.Formula1!.Text == "Lists!$A$2:$A$7");
        Assert.Contains(validations, v => v.Type!.Value == DataValidationValues.List && v.SequenceOfReferences!.InnerText == "F2:F5001");
        Assert.Contains(validations, v => v.Type!.Value == DataValidationValues.Date && v.SequenceOfReferences!.InnerText == "K2:K5001");
        var kinds = book.Rows("Lists").Skip(1).Select(r => r.TryGetValue("A", out var c) ? WorkbookReader.Text(c) : null).OfType<string>().ToList();
        Assert.Equal(["Employment", "VisitingAppointment", "Honorary", "Adjunct", "TalentProgram", "Student"], kinds);
        var instructions = book.Records("Instructions").ToDictionary(r => WorkbookReader.Text(r["Column"]), r => r);
        Assert.Equal("yes", WorkbookReader.Text(instructions["Visit start"]["Required"]));
    }

    [Fact]
    public async Task AFilledInTemplate_PreviewsEveryRow_ThenImportsPeopleOwnedByTheCaller_EachScreenedThroughTheOutbox()
    {
        var owner = ApiFactory.NewUser();
        var pi = api.Investigator(owner);
        var template = await (await pi.GetAsync("/api/v1/imports/visitors/template")).Content.ReadAsByteArrayAsync();
        // Row 3 has its visit dates as real date cells, as Excel stores a typed date.
        var filled = FillTemplate(template,
            ["Chen Jing", "陈静", $"chen.{Guid.NewGuid():N}@nwpu.edu.cn", "", "School of Aeronautics, Northwestern Polytechnical University, Xi'an", "CN", "Employment", "2016-09-01", "Department of Aerospace Engineering", "Prof. M. Jones", "2027-03-01", "2027-08-31", "China Scholarship Council", ""],
            ["Olga Smirnova", "Ольга Смирнова", "", "0000-0002-1694-233X", "Bauman Moscow State Technical University", "RU", "VisitingAppointment", "", "Department of Materials", "", new DateTime(2027, 1, 1).ToOADate(), new DateTime(2027, 6, 30).ToOADate(), "", ""]);

        var preview = await (await pi.PostAsync("/api/v1/imports/visitors/preview", VisitorFiles.Multipart(filled, "visitors.xlsx"))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, preview.GetProperty("valid").GetInt32());
        Assert.Equal(0, preview.GetProperty("invalid").GetInt32());
        Assert.Equal([2, 3], preview.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(0, await PeopleOwnedByAsync(owner));   // a preview stores nothing

        var imported = await (await pi.PostAsync("/api/v1/imports/visitors", VisitorFiles.Multipart(filled, "visitors.xlsx"))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        var ids = imported.GetProperty("personIds").EnumerateArray().Select(e => e.GetGuid()).ToList();

        var olga = await (await pi.GetAsync($"/api/v1/people/{ids[1]}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ольга Смирнова", olga.GetProperty("nativeName").GetString());
        var visit = olga.GetProperty("visits")[0];
        Assert.Equal("2027-01-01", visit.GetProperty("startDate").GetString());
        Assert.Equal("2027-06-30", visit.GetProperty("endDate").GetString());
        Assert.Equal("VisitingAppointment", olga.GetProperty("affiliations")[0].GetProperty("kind").GetString());

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        Assert.Equal(2, await PeopleOwnedByAsync(owner));
        // The normal outbox: a pending run per person, affiliation and sponsored visit, nothing else.
        var runs = await db.ScreeningRuns.AsNoTracking().Where(r => r.PersonId != null && ids.Contains(r.PersonId.Value)).Select(r => r.SubjectType).ToListAsync();
        Assert.Equal(2, runs.Count(t => t == "Affiliation"));
        Assert.Equal(2, runs.Count(t => t == "Person"));
        Assert.Equal(2, await db.AuditEvents.AsNoTracking().CountAsync(e => e.EventType == AuditEventType.PersonCreated && e.ActorId == owner));
        var importEvent = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EventType == AuditEventType.VisitorsImported && e.ActorId == owner);
        Assert.Contains("\"imported\":2", importEvent.Changes);
    }

    [Fact]
    public async Task AllOrNothing_ImportsNothingWhenARowHasAnError_ValidRowsOnly_ImportsTheOthersAndReportsIt()
    {
        var owner = ApiFactory.NewUser();
        var pi = api.Investigator(owner);
        var csv = VisitorFiles.Csv([
            VisitorFiles.Row(1),
            VisitorFiles.Row(2, country: "China", visitStart: "01/02/2027"),
            VisitorFiles.Row(3, visitStart: "2027-09-01", visitEnd: "2027-08-01"),
            VisitorFiles.Row(4),
        ]);

        var refused = await pi.PostAsync("/api/v1/imports/visitors?mode=AllOrNothing", VisitorFiles.Multipart(csv, "visitors.csv"));
        var problem = await refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([3, 4], rows.Select(r => r.GetProperty("row").GetInt32()));
        var row3 = rows[0].GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("column").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Contains(row3, e => e.Item1 == "Affiliation country");
        Assert.Contains(row3, e => e.Item1 == "Visit start" && e.Item2!.Contains("YYYY-MM-DD"));
        Assert.Contains(rows[1].GetProperty("errors").EnumerateArray(), e => e.GetProperty("column").GetString() == "Visit end");
        Assert.Equal(0, await PeopleOwnedByAsync(owner));

        var partial = await (await pi.PostAsync("/api/v1/imports/visitors?mode=ValidRowsOnly", VisitorFiles.Multipart(csv, "visitors.csv"))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, partial.GetProperty("imported").GetInt32());
        Assert.Equal(2, partial.GetProperty("skipped").GetInt32());
        Assert.Equal(2, await PeopleOwnedByAsync(owner));
    }

    [Fact]
    public async Task TheErrorsWorkbook_IsTheRejectedUploadedRowsWithTheirRowColumnAndReason()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var csv = VisitorFiles.Csv([VisitorFiles.Row(1), VisitorFiles.Row(2, visitEnd: "next spring") + ",Needs a visa letter", "=cmd|' /C calc'!A0,,,,Harbin Institute of Technology,CN,,,,,2027-01-01,2027-02-01,,"],
            VisitorFiles.Header + ",Department note");
        using var response = await pi.PostAsync("/api/v1/imports/visitors/errors", VisitorFiles.Multipart(csv, "visitors.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(book.ValidationErrors);
        var records = book.Records("Rows with errors");
        Assert.Equal([3, 4], records.Select(r => (int)WorkbookReader.Number(r["Error row"])));
        Assert.Equal("Visit end", WorkbookReader.Text(records[0]["Error column"]));
        Assert.Contains("'next spring' is not a date", WorkbookReader.Text(records[0]["Reason"]));
        Assert.Equal("next spring", WorkbookReader.Text(records[0]["Visit end"]));
        Assert.Equal(new DateTime(2027, 2, 1), DateTime.FromOADate(WorkbookReader.Number(records[0]["Visit start"])));
        // What the sender wrote comes back, a formula-looking name as text, and the missing host department is named.
        Assert.Equal("'=cmd|' /C calc'!A0", WorkbookReader.Text(records[1]["Name"]));
        Assert.Contains("Host department", WorkbookReader.Text(records[1]["Error column"]));
        Assert.Contains("department note", book.Rows("Rows with errors")[0].Values.Select(WorkbookReader.Text));
    }

    [Fact]
    public async Task DuplicateRows_InTheFileAndAgainstStoredPeople_AreRowErrors()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var stored = await pi.CreatePersonAsync("Wang Fang");   // wang.fang@example.edu, ORCID 0000-0002-1825-0097
        var shared = $"same.{Guid.NewGuid():N}@example.edu.cn";
        var csv = VisitorFiles.Csv([
            VisitorFiles.Row(1, email: shared), VisitorFiles.Row(2, email: shared.ToUpperInvariant()),
            VisitorFiles.Row(3, email: "Wang.Fang@example.edu"), VisitorFiles.Row(4, orcid: "0000-0002-1825-0097"),
        ]);
        var preview = await (await pi.PostAsync("/api/v1/imports/visitors/preview", VisitorFiles.Multipart(csv, "visitors.csv"))).ShouldBe(HttpStatusCode.OK);
        var reasons = preview.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(),
            r => string.Join(" | ", r.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("reason").GetString())));
        Assert.Equal("", reasons[2]);
        Assert.Contains("The same e-mail is on row 2", reasons[3]);
        Assert.Contains($"already registered (person {stored.Id()})", reasons[4]);
        Assert.Contains("ORCID iD is already registered", reasons[5]);
    }

    public static TheoryData<string> HostileCases() => new(HostileFiles.Keys);

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task AHostileOrMisencodedFile_IsRefusedWithItsReason_AndNothingIsWritten(string name)
    {
        var (fileName, bytes, status, reason) = await HostileFiles[name](api);
        var owner = ApiFactory.NewUser();
        var pi = api.Investigator(owner);
        foreach (var url in new[] { "/api/v1/imports/visitors/preview", "/api/v1/imports/visitors?mode=ValidRowsOnly" })
        {
            using var response = await pi.PostAsync(url, VisitorFiles.Multipart(bytes, fileName));
            var problem = await response.ShouldBe(status);
            Assert.Contains(reason, problem.GetProperty("detail").GetString());
            Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("errors").GetProperty("file")[0].GetString());
        }
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        Assert.Equal(0, await PeopleOwnedByAsync(owner));
        Assert.Equal(0, await db.AuditEvents.AsNoTracking().CountAsync(e => e.ActorId == owner && e.EventType != AuditEventType.AccessDenied));
    }

    private static readonly Dictionary<string, Func<ApiFactory, Task<(string, byte[], HttpStatusCode, string)>>> HostileFiles = new()
    {
        ["larger than the size limit"] = _ => Task.FromResult(("big.csv", VisitorFiles.Csv(Enumerable.Range(0, 26_000).Select(i => VisitorFiles.Row(i) + new string(' ', 300))),
            HttpStatusCode.RequestEntityTooLarge, "the limit is 10485760 bytes")),
        ["more rows than the row limit"] = _ => Task.FromResult(("many.csv", VisitorFiles.Csv(Enumerable.Range(0, 10_001).Select(i => $"V{i},,,,U,CN,,,D,,2027-01-01,2027-01-02,,")),
            HttpStatusCode.UnprocessableEntity, "more than 10000 visitor rows")),
        ["a zip bomb"] = _ => Task.FromResult(("bomb.xlsx", HostileWorkbooks.SharedStringsBomb(300), HttpStatusCode.UnprocessableEntity, "part 'xl/sharedStrings.xml' declares")),
        ["a zip bomb that lies about its size"] = _ => Task.FromResult(("bomb.xlsx", HostileWorkbooks.LyingSharedStringsBomb(300), HttpStatusCode.UnprocessableEntity, "not a readable XLSX workbook")),
        ["too many zip entries"] = async a => ("parts.xlsx", WithParts(await TemplateAsync(a), Enumerable.Range(0, 300).Select(i => $"customXml/item{i}.xml")),
            HttpStatusCode.UnprocessableEntity, "parts; the limit is 200"),
        ["a macro-enabled workbook"] = async a => ("visitors.xlsx", WithParts(await TemplateAsync(a), ["xl/vbaProject.bin"]), HttpStatusCode.UnprocessableEntity, "contains macros"),
        ["an .xlsm file"] = async a => ("visitors.xlsm", await TemplateAsync(a), HttpStatusCode.UnprocessableEntity, "'.xlsm' files are not accepted"),
        ["external links"] = async a => ("visitors.xlsx", WithParts(await TemplateAsync(a), ["xl/externalLinks/externalLink1.xml"]), HttpStatusCode.UnprocessableEntity, "external links"),
        ["a truncated workbook"] = async a => ("visitors.xlsx", (await TemplateAsync(a))[..2000], HttpStatusCode.UnprocessableEntity, "not a readable"),
        ["CSV in UTF-16"] = _ => Task.FromResult(("visitors.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(VisitorFiles.Header + "\r\n" + VisitorFiles.Row(1))).ToArray(),
            HttpStatusCode.UnprocessableEntity, "UTF-16")),
        ["CSV in Windows-1252"] = _ => Task.FromResult(("visitors.csv", Latin1(VisitorFiles.Header + "\r\nJosé Müller,,,,Université Paris-Saclay,FR,,,Physique,,2027-01-01,2027-02-01,,\r\n"),
            HttpStatusCode.UnprocessableEntity, "not UTF-8")),
        ["CSV with semicolons"] = _ => Task.FromResult(("visitors.csv", Encoding.UTF8.GetBytes(VisitorFiles.Header.Replace(',', ';') + "\r\n" + VisitorFiles.Row(1).Replace(',', ';')),
            HttpStatusCode.UnprocessableEntity, "uses ';' as its delimiter")),
        ["CSV with tabs"] = _ => Task.FromResult(("visitors.csv", Encoding.UTF8.GetBytes(VisitorFiles.Header.Replace(',', '\t') + "\r\n" + VisitorFiles.Row(1).Replace(',', '\t')),
            HttpStatusCode.UnprocessableEntity, "tab-separated")),
        ["a malformed CSV record"] = _ => Task.FromResult(("visitors.csv", VisitorFiles.Csv([VisitorFiles.Row(1), "Li \"Lei\" Wang,,,,U,CN,,,D,,2027-01-01,2027-01-02,,"]),
            HttpStatusCode.UnprocessableEntity, "Line 3 of the CSV file is malformed")),
        ["a sheet without the template's columns"] = _ => Task.FromResult(("visitors.csv", Encoding.UTF8.GetBytes("name,email\r\nLi Wei,li@example.edu\r\n"),
            HttpStatusCode.UnprocessableEntity, "lacks the column(s) 'Affiliation', 'Host department', 'Visit start', 'Visit end'")),
        ["a PDF renamed .xlsx"] = _ => Task.FromResult(("visitors.xlsx", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n"), HttpStatusCode.UnprocessableEntity, "not a readable zip package")),
    };

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static async Task<byte[]> TemplateAsync(ApiFactory api) =>
        await (await api.Investigator(ApiFactory.NewUser()).GetAsync("/api/v1/imports/visitors/template")).Content.ReadAsByteArrayAsync();

    /// <summary>The template with extra (empty) zip entries: a macro project, a link part, or just many parts.</summary>
    private static byte[] WithParts(byte[] workbook, IEnumerable<string> parts)
    {
        var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var part in parts)
            {
                using var s = zip.CreateEntry(part).Open();
                s.Write("<x/>"u8);
            }
        return buffer.ToArray();
    }

    /// <summary>Fills the template's Visitors sheet as a department would; a double is written as a date cell's serial number.</summary>
    private static byte[] FillTemplate(byte[] template, params object[][] rows)
    {
        var buffer = new MemoryStream();
        buffer.Write(template);
        using (var doc = SpreadsheetDocument.Open(buffer, true))
        {
            var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 2 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = Core.Registers.RegisterWorkbookWriter.ColumnName(c) + (r + 2);
                    row.Append(rows[r][c] switch
                    {
                        double serial => new Cell(new CellValue(serial)) { CellReference = reference },
                        string { Length: 0 } => new Cell { CellReference = reference },
                        var text => new Cell(new InlineString(new Text((string)text))) { CellReference = reference, DataType = CellValues.InlineString },
                    });
                }
                data.Append(row);
            }
        }
        return buffer.ToArray();
    }

    private async Task<int> PeopleOwnedByAsync(string owner)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        return await db.People.IgnoreAutoIncludes().CountAsync(p => p.OwnerId == owner);
    }
}
