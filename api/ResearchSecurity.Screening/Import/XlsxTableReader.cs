using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// Reads the first worksheet of an XLSX file (header row first) with the streaming OpenXml reader. Shared strings are
/// streamed too (never loaded as one document), and rows, columns and cell length are counted as they are read
/// (<see cref="ImportLimits"/>); the package's parts were already inflated and counted by <see cref="ZipBombGuard"/>.
/// </summary>
public static class XlsxTableReader
{
    public static List<TableRow> Read(Stream stream, List<ImportError> errors, ImportLimits limits)
    {
        try { return ReadWorkbook(stream, errors, limits); }
        // Broken XML inside a valid zip (a part cut short, e.g. where the zip directory understates its size) is a bad file.
        catch (Exception ex) when (ex is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or IOException or FormatException)
        {
            errors.Add(new ImportError(0, null, "not a readable XLSX workbook: " + ex.Message));
            return [];
        }
    }

    private static List<TableRow> ReadWorkbook(Stream stream, List<ImportError> errors, ImportLimits limits)
    {
        var rows = new List<TableRow>();
        SpreadsheetDocument doc;
        try { doc = SpreadsheetDocument.Open(stream, false); }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            errors.Add(new ImportError(0, null, "not a readable XLSX workbook: " + ex.Message));
            return rows;
        }
        using (doc)
        {
            var wb = doc.WorkbookPart;
            var sheet = wb?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (wb is null || sheet?.Id?.Value is null) { errors.Add(new ImportError(0, null, "workbook has no worksheet")); return rows; }
            var shared = SharedStrings(wb.SharedStringTablePart, limits);
            var part = (WorksheetPart)wb.GetPartById(sheet.Id.Value);
            string[]? header = null;
            var rowElements = 0;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                // Every row element counts, empty ones included: a million empty rows is the attack, not a list.
                if (++rowElements > limits.MaxRows) throw new ImportLimitExceededException($"more than {limits.MaxRows} rows", rowElements);
                var row = (Row)reader.LoadCurrentElement()!;
                var rowNo = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                var values = new SortedDictionary<int, string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value, values.Count);
                    if (column >= limits.MaxColumns || column < 0) throw new ImportLimitExceededException($"more than {limits.MaxColumns} columns", rowNo);
                    var text = CellText(cell, shared);
                    if (text.Length > limits.MaxCellLength) throw new ImportLimitExceededException($"a cell is longer than {limits.MaxCellLength} characters", rowNo);
                    values[column] = text;
                }
                if (header is null)
                {
                    var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
                    header = new string[width];
                    foreach (var (i, v) in values) header[i] = v.Trim().ToLowerInvariant();
                    continue;
                }
                if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (i, v) in values)
                    if (i < header.Length && header[i] is { Length: > 0 } key) cells.TryAdd(key, v);
                rows.Add(new TableRow(rowNo, cells));
            }
            if (header is null) errors.Add(new ImportError(1, null, "no header row"));
        }
        return rows;
    }

    private static List<string> SharedStrings(SharedStringTablePart? part, ImportLimits limits)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var text = ((SharedStringItem)reader.LoadCurrentElement()!).InnerText;
            if (text.Length > limits.MaxCellLength)
                throw new ImportLimitExceededException($"shared string {strings.Count} is longer than {limits.MaxCellLength} characters");
            strings.Add(text);
        }
        return strings;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var idx))
            return idx >= 0 && idx < shared.Count ? shared[idx] : "";
        return raw;
    }

    private static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference)) return fallback;
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsLetter(c)) break;
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (n > 1_000_000) return -1; // absurd reference: refused as too many columns
        }
        return n - 1;
    }
}
