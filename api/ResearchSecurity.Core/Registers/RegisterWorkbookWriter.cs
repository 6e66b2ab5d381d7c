using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchSecurity.Core.Registers;

/// <summary>
/// Writes registers as an XLSX workbook with the OpenXml SAX writer: rows go from the database cursor to the zip
/// stream one at a time, so memory stays flat however many rows there are. Each register is a sheet with a bold,
/// frozen header row, an autofilter over the data, column widths, dates and times as real (serial) dates and
/// amounts as numbers; every text cell is an inline string with formula-looking text neutralised
/// (<see cref="SpreadsheetText"/>). A last sheet, "About", records the register, its filters, when and by whom.
/// </summary>
public static class RegisterWorkbookWriter
{
    // Cell style indexes into the stylesheet below.
    private const uint HeaderStyle = 1, DateStyle = 2, TimestampStyle = 3, AmountStyle = 4, WholeStyle = 5, DecimalStyle = 6;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Writes the sheets to <paramref name="output"/> (any writable stream, written front to back); returns the data rows per sheet.</summary>
    /// <remarks>
    /// Why three steps: a package the SDK opens read-write keeps every part's uncompressed bytes in memory until it is
    /// closed (System.IO.Packaging over a zip in update mode, dotnet/Open-XML-SDK#807), and the SDK cannot add parts to
    /// a write-only package. So (1) each register sheet is written by the SAX writer to a temporary file, row by row
    /// from the database cursor; (2) the SDK builds the small rest of the workbook — workbook, styles, defined names,
    /// the About sheet — in memory, with an empty stand-in for each register sheet; (3) the parts are zipped into
    /// <paramref name="output"/> one after another, the register sheets streamed from their files.
    /// </remarks>
    public static async Task<IReadOnlyList<int>> WriteAsync(Stream output, RegisterExportInfo info, IReadOnlyList<RegisterSheet> sheets, CancellationToken ct)
    {
        var files = new List<string>();
        try
        {
            var counts = new List<int>();
            foreach (var sheet in sheets)
            {
                var path = Path.GetTempFileName();
                files.Add(path);
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                using var writer = OpenXmlWriter.Create(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                counts.Add(await WriteSheetAsync(writer, sheet, ct));
            }
            var (skeleton, sheetParts) = await SkeletonAsync(info, sheets, counts, ct);

            using var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
            using var parts = new System.IO.Compression.ZipArchive(new MemoryStream(skeleton, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            foreach (var part in parts.Entries)
            {
                var target = zip.CreateEntry(part.FullName, System.IO.Compression.CompressionLevel.Fastest);
                await using var to = target.Open();
                var index = sheetParts.IndexOf(part.FullName);
                await using var from = index >= 0 ? File.OpenRead(files[index]) : part.Open();
                await from.CopyToAsync(to, ct);
            }
            return counts;
        }
        finally
        {
            foreach (var path in files) File.Delete(path);
        }
    }

    /// <summary>The workbook without the register sheets' rows: returns the package and the zip entry name of each register sheet's stand-in.</summary>
    private static async Task<(byte[] Package, List<string> SheetParts)> SkeletonAsync(RegisterExportInfo info, IReadOnlyList<RegisterSheet> sheets,
        IReadOnlyList<int> counts, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var sheetParts = new List<string>();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            uint sheetId = 1;
            for (var i = 0; i < sheets.Count; i++, sheetId++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData());
                sheetParts.Add(part.Uri.OriginalString.TrimStart('/'));
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = sheets[i].Name });
                // Excel's own name for an autofilter range; without it some readers show the filter buttons but no range.
                definedNames.Append(new DefinedName($"'{sheets[i].Name}'!$A$1:${ColumnName(sheets[i].Columns.Count - 1)}${counts[i] + 1}")
                    { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true });
            }
            var about = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(about)) await WriteSheetAsync(writer, AboutSheet(info, sheets, counts), ct);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(about), SheetId = sheetId, Name = "About" });
            workbookPart.Workbook = new Workbook(sheetList, definedNames);
            document.PackageProperties.Title = info.Title;
            document.PackageProperties.Creator = "ResearchSecurity";
            document.PackageProperties.Created = info.ExportedAt.UtcDateTime;
        }
        return (buffer.ToArray(), sheetParts);
    }

    private static async Task<int> WriteSheetAsync(OpenXmlWriter writer, RegisterSheet sheet, CancellationToken ct)
    {
        var columns = sheet.Columns;
        var letters = columns.Select((_, i) => ColumnName(i)).ToArray();
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());

        var row = 1;
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
        for (var i = 0; i < columns.Count; i++) WriteText(writer, letters[i] + "1", columns[i].Header, HeaderStyle);
        writer.WriteEndElement();

        await foreach (var values in sheet.Rows.WithCancellation(ct))
        {
            row++;
            var r = row.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
            for (var i = 0; i < columns.Count && i < values.Length; i++)
                WriteCell(writer, letters[i] + r, columns[i].Kind, values[i]);
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{letters[^1]}{row}" });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        return row - 1;
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, RegisterCellKind kind, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: WriteText(writer, reference, s, 0); return;
            case DateOnly d when kind == RegisterCellKind.Date:
                WriteNumber(writer, reference, d.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle); return;
            case DateTimeOffset t:
                WriteNumber(writer, reference, t.UtcDateTime.ToOADate(), kind == RegisterCellKind.Date ? DateStyle : TimestampStyle); return;
            case decimal m: WriteNumber(writer, reference, (double)m, kind == RegisterCellKind.Amount ? AmountStyle : DecimalStyle); return;
            case double x: WriteNumber(writer, reference, x, kind == RegisterCellKind.Amount ? AmountStyle : DecimalStyle); return;
            case int n: WriteNumber(writer, reference, n, WholeStyle); return;
            case long n: WriteNumber(writer, reference, n, WholeStyle); return;
            default: WriteText(writer, reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0); return;
        }
    }

    private static void WriteText(OpenXmlWriter writer, string reference, string text, uint style)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference), new("t", "", "inlineStr") };
        if (style != 0) attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
        writer.WriteStartElement(new Cell(), attributes);
        writer.WriteStartElement(new InlineString());
        writer.WriteStartElement(new Text(), [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]);
        writer.WriteString(SpreadsheetText.XmlSafe(SpreadsheetText.Neutralise(text)));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteNumber(OpenXmlWriter writer, string reference, double number, uint style)
    {
        writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
        writer.WriteElement(new CellValue(number.ToString("R", CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    private static RegisterSheet AboutSheet(RegisterExportInfo info, IReadOnlyList<RegisterSheet> sheets, IReadOnlyList<int> counts)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "Register", info.Title }, new object?[] { "Exported at (UTC)", info.ExportedAt },
            new object?[] { "Exported by", info.ExportedBy },
        };
        rows.AddRange(sheets.Select((s, i) => new object?[] { $"Rows in '{s.Name}'", counts[i] }));
        rows.AddRange(info.Filters.Select(f => new object?[] { "Filter: " + f.Name, f.Value }));
        if (info.Filters.Count == 0) rows.Add(["Filters", "none: every record visible to the exporter"]);
        return new RegisterSheet("About", [new("Item", Width: 28), new("Value", RegisterCellKind.Timestamp, 60)], rows.ToAsyncEnumerable());
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },   // #,##0.00
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },   // 0
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true })   // 0.00
        { Count = 7 });

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
