using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>Opens a workbook the API produced, validates it against the Open XML schema and reads its sheets' cells.</summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public WorkbookReader(byte[] bytes)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        ValidationErrors = new OpenXmlValidator().Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public IReadOnlyList<string> ValidationErrors { get; }

    public SpreadsheetDocument Document => _document;

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Worksheet(string name)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>Rows of cells by column letter; the header is row 0.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Cell>> Rows(string sheet) =>
        Worksheet(sheet).Descendants<Row>().Select(r => (IReadOnlyDictionary<string, Cell>)r.Elements<Cell>()
            .ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()))).ToList();

    /// <summary>A row as header → cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Cell>> Records(string sheet)
    {
        var rows = Rows(sheet);
        var headers = rows[0].ToDictionary(kv => kv.Key, kv => Text(kv.Value));
        return rows.Skip(1).Select(r => (IReadOnlyDictionary<string, Cell>)r.ToDictionary(kv => headers[kv.Key], kv => kv.Value)).ToList();
    }

    public static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    public static double Number(Cell cell)
    {
        Assert.Null(cell.DataType);   // a number cell, not text
        return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _document.Dispose();
}
