using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchSecurity.Screening.Import;

/// <summary>Reads the first worksheet of an XLSX file (header row first) with the streaming OpenXml reader.</summary>
internal static class XlsxTableReader
{
    public static List<TableRow> Read(Stream stream, List<ImportError> errors)
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
            var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var part = (WorksheetPart)wb.GetPartById(sheet.Id.Value);
            string[]? header = null;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var rowNo = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                var values = new SortedDictionary<int, string>();
                foreach (var cell in row.Elements<Cell>()) values[ColumnIndex(cell.CellReference?.Value, values.Count)] = CellText(cell, shared);
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

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var idx))
            return idx >= 0 && idx < shared.Length ? shared[idx] : "";
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
        }
        return n - 1;
    }
}
