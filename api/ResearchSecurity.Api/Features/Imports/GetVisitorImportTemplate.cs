using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ResearchSecurity.Api.Features.Registers;
using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Reference;
using ResearchSecurity.Core.Registers;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// The workbook departments fill in: a "Visitors" sheet with the columns (required ones marked), drop-down lists for
/// the affiliation kind and country and date checks on the date columns, an "Instructions" sheet saying what each
/// column takes, and the "Lists" the drop-downs draw from.
/// </summary>
public static class GetVisitorImportTemplate
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/template", Handle).WithName(nameof(GetVisitorImportTemplate))
            .WithSummary("Download the visitor import template")
            .WithDescription("An Excel workbook to fill in: the Visitors sheet with drop-down lists for the enumerations and date checks, an Instructions sheet, and the Lists the drop-downs use.")
            .ProducesWorkbook();

    public static FileContentHttpResult Handle() =>
        TypedResults.File(Build(), RegisterFile.ContentType, "visitor-import-template.xlsx");

    public static byte[] Build()
    {
        var columns = VisitorSheet.Columns;
        var kinds = Enum.GetNames<AffiliationKind>();
        var countries = IsoCodes.CountryCodes;
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var visitors = workbook.AddNewPart<WorksheetPart>();
            var lastRow = 5001;   // the validations cover the rows a batch can have
            var validations = new DataValidations();
            for (var i = 0; i < columns.Count; i++)
            {
                var letter = RegisterWorkbookWriter.ColumnName(i);
                var range = new ListValue<StringValue>([$"{letter}2:{letter}{lastRow}"]);
                if (columns[i].ListName == "AffiliationKinds")
                    validations.Append(ListValidation(range, $"Lists!$A$2:$A${kinds.Length + 1}", columns[i].Header));
                else if (columns[i].ListName == "Countries")
                    validations.Append(ListValidation(range, $"Lists!$B$2:$B${countries.Count + 1}", columns[i].Header));
                else if (columns[i].IsDate)
                    validations.Append(new DataValidation(new Formula1("18264"), new Formula2("73050"))
                    {
                        Type = DataValidationValues.Date, Operator = DataValidationOperatorValues.Between, AllowBlank = true,
                        ShowErrorMessage = true, ErrorTitle = columns[i].Header, Error = "A date between 1950 and 2099 (YYYY-MM-DD).",
                        SequenceOfReferences = range,
                    });
            }
            validations.Count = (uint)validations.ChildElements.Count;
            visitors.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.IsDate ? 14 : 26, CustomWidth = true })),
                new SheetData(new Row(columns.Select((c, i) => TextCell(RegisterWorkbookWriter.ColumnName(i) + "1", c.Header, c.Required ? 2u : 1u))) { RowIndex = 1 }),
                validations);

            var instructions = workbook.AddNewPart<WorksheetPart>();
            var lines = new List<string[]>
            {
                new[] { "Column", "Required", "What to write" },
            };
            lines.AddRange(columns.Select(c => new[] { c.Header, c.Required ? "yes" : "", c.Help }));
            lines.Add(["", "", ""]);
            lines.Add(["One row", "", "One visitor: one current affiliation and one visit. Keep the header row as it is; the first sheet is read."]);
            lines.Add(["Duplicates", "", "A row whose e-mail or ORCID is already in the file or already registered is rejected."]);
            lines.Add(["Saving", "", "Save as .xlsx (not .xlsm), or as \"CSV UTF-8 (comma delimited)\". Macros and links to other workbooks are refused."]);
            lines.Add(["Screening", "", "Every imported visitor and affiliation is screened against the institution's lists."]);
            instructions.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 100, CustomWidth = true }),
                new SheetData(lines.Select((l, r) => new Row(l.Select((v, c) =>
                    TextCell(RegisterWorkbookWriter.ColumnName(c) + (r + 1), v, r == 0 ? 1u : 0u))) { RowIndex = (uint)r + 1 })));

            var lists = workbook.AddNewPart<WorksheetPart>();
            var listRows = new List<Row> { new(TextCell("A1", "Affiliation kinds", 1), TextCell("B1", "Countries", 1)) { RowIndex = 1 } };
            for (var r = 0; r < Math.Max(kinds.Length, countries.Count); r++)
            {
                var row = new Row { RowIndex = (uint)r + 2 };
                if (r < kinds.Length) row.Append(TextCell($"A{r + 2}", kinds[r], 0));
                if (r < countries.Count) row.Append(TextCell($"B{r + 2}", countries[r], 0));
                listRows.Add(row);
            }
            lists.Worksheet = new Worksheet(new SheetData(listRows));

            workbook.Workbook = new Workbook(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(visitors), SheetId = 1, Name = "Visitors" },
                new Sheet { Id = workbook.GetIdOfPart(instructions), SheetId = 2, Name = "Instructions" },
                new Sheet { Id = workbook.GetIdOfPart(lists), SheetId = 3, Name = "Lists" }));
            document.PackageProperties.Title = "Visiting researchers: import template";
            document.PackageProperties.Creator = "ResearchSecurity";
        }
        return output.ToArray();
    }

    private static DataValidation ListValidation(ListValue<StringValue> range, string source, string header) =>
        new(new Formula1(source))
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = header,
            Error = "Choose a value from the list.", SequenceOfReferences = range,
        };

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text)))
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style,
    };

    // 0 plain, 1 bold header, 2 bold header on a yellow fill (required column).
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true }) { Count = 3 });
}
