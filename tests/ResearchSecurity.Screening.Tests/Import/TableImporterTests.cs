using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Import;

public sealed class TableImporterTests
{
    private const string GenericCsv = """
        name,aliases,country,notes,start_date,end_date,parent
        Example Defence University,EDU;Example Def. Univ.,cn,note,2020-01-01,,
        Example Radar Institute,,cn,,2019-05-01,2022-05-01,Example Defence University
        ,orphan alias,cn,,,,
        Bad Date Institute,,cn,,31/31/2020,,
        "Broken "quote" Institute",,cn,,,,
        """;

    [Fact]
    public void ImportCsv_PartlyBadStrict_RejectsWithRowReport()
    {
        var result = GenericTableImporter.ImportCsv(Streams.Utf8(GenericCsv), "inhouse.csv", ImportMode.Strict);
        Assert.True(result.Rejected);
        Assert.Contains(result.Errors, e => e.Row == 4 && e.Field == "name");
        Assert.Contains(result.Errors, e => e.Row == 5 && e.Field == "start_date");
        Assert.Contains(result.Errors, e => e.Row == 6 && e.Reason.Contains("quote", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportCsv_PartlyBadLenient_KeepsGoodRowsAndResolvesParent()
    {
        var result = GenericTableImporter.ImportCsv(Streams.Utf8(GenericCsv), "inhouse.csv", ImportMode.Lenient);
        var list = result.List!;
        Assert.Equal("inhouse", list.ListId);
        Assert.Equal(["Example Defence University", "Example Radar Institute"], list.Entities.Select(e => e.Name));
        Assert.Equal(["EDU"], list.Entities[0].WeakAliases);
        Assert.Equal(["Example Def. Univ."], list.Entities[0].Aliases);
        Assert.Equal(list.Entities[0].EntityId, list.Entities[1].ParentId);
        Assert.Equal(new DateOnly(2022, 5, 1), Assert.Single(list.Entities[1].Periods).End);
    }

    [Fact]
    public void ImportCsv_NoNameColumn_RejectsEvenWhenLenient()
    {
        var result = GenericTableImporter.ImportCsv(Streams.Utf8("title,country\nX,cn\n"), "x.csv", ImportMode.Lenient);
        Assert.True(result.Rejected);
        Assert.Contains("'name'", Assert.Single(result.Errors).Reason);
    }

    private const string CslCsv = """
        source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids
        Entity List (EL) - Bureau of Industry and Security,,,,Example Optics Institute,,"1 Road, Example, CN",,2019-05-21,,,,,,,,,,,,,EOI; Example Optical Inst.,,,,,,
        Entity List (EL) - Bureau of Industry and Security,,,,,,,,2019-05-21,,,,,,,,,,,,,,,,,,,
        Nonproliferation Sanctions (ISN) - State Department,,,INKSNA,Example Missile Regiment,,,,not-a-date,,,,,,,,,,,,,,,,,,,
        """;

    [Fact]
    public void ImportCsl_PartlyBad_StrictRejectsLenientKeeps()
    {
        var strict = CslCsvImporter.Import(Streams.Utf8(CslCsv), "csl.csv", ImportMode.Strict);
        Assert.True(strict.Rejected);
        Assert.Contains(strict.Errors, e => e.Row == 3 && e.Field == "name");
        Assert.Contains(strict.Errors, e => e.Row == 4 && e.Field == "start_date");

        var lenient = CslCsvImporter.Import(Streams.Utf8(CslCsv), "csl.csv", ImportMode.Lenient);
        var e = Assert.Single(lenient.List!.Entities);
        Assert.Equal("Example Optics Institute", e.Name);
        Assert.Equal(["EOI", "Example Optical Inst."], e.Aliases);
        Assert.Equal("Entity List (EL) - Bureau of Industry and Security", e.SubList);
        Assert.StartsWith("el-", e.EntityId);
    }

    [Fact]
    public void ImportXlsx_PartlyBad_StrictRejectsLenientKeeps()
    {
        var bytes = Workbook(
            ["name", "aliases", "country", "start_date", "end_date"],
            ["Example Aerospace Academy", "EAA;Example Aero Acad.", "cn", "2021-01-01", ""],
            ["", "nameless", "cn", "", ""],
            ["Example Late Institute", "", "cn", "2023-01-01", "2020-01-01"]);

        var strict = GenericTableImporter.ImportXlsx(new MemoryStream(bytes), "meti.xlsx", ImportMode.Strict);
        Assert.True(strict.Rejected);
        Assert.Contains(strict.Errors, e => e.Row == 3 && e.Field == "name");
        Assert.Contains(strict.Errors, e => e.Row == 4 && e.Field == "end_date");

        var lenient = WatchlistImport.Import(new MemoryStream(bytes), "meti.xlsx", ImportMode.Lenient);
        var e = Assert.Single(lenient.List!.Entities);
        Assert.Equal("Example Aerospace Academy", e.Name);
        Assert.Equal("generic-xlsx", lenient.List.Format);
    }

    [Fact]
    public void ImportXlsx_NotAWorkbook_RejectsWithReason()
    {
        var result = GenericTableImporter.ImportXlsx(Streams.Utf8("this is not a zip"), "x.xlsx", ImportMode.Lenient);
        Assert.True(result.Rejected);
        Assert.Contains("XLSX", Assert.Single(result.Errors).Reason);
    }

    private static byte[] Workbook(params string[][] rows)
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(rows[r][c])),
                    });
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "List" }));
        }
        return ms.ToArray();
    }
}
