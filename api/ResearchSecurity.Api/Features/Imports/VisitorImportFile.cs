using System.IO.Compression;
using System.Text;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// Reads an uploaded visitor file — XLSX or CSV — only after it has passed the checks that protect the server and the
/// office: the package's parts counted and inflated with a limit (zip bombs), no macros, no links to other workbooks,
/// CSV in UTF-8 with commas, a bounded number of rows. A refusal names the reason; nothing is read or written past it.
/// </summary>
public static class VisitorImportFile
{
    public sealed record Upload(string FileName, string Format, byte[] Bytes, IReadOnlyList<TableRow> Rows, IReadOnlyList<string> Headers);

    /// <summary>Either the file's rows or why it was refused.</summary>
    public sealed record ReadResult(Upload? File, string? Refusal);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<ReadResult> ReadAsync(IFormFile file, ImportLimits limits, VisitorImportOptions options, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".xlsm" or ".xlsb" or ".xltm" or ".xls")
            return Refuse($"'{extension}' files are not accepted: save the sheet as an Excel workbook (.xlsx) without macros, or as CSV UTF-8.");
        if (extension is not (".xlsx" or ".csv"))
            return Refuse("Upload the filled-in template as .xlsx or as .csv (UTF-8, comma-separated).");

        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // One header row on top of the data rows.
        var limitsForFile = limits.WithMaxRows(options.MaxRows + 1);
        return extension == ".xlsx" ? ReadWorkbook(name, bytes, limitsForFile, options) : ReadCsv(name, bytes, limitsForFile, options);
    }

    private static ReadResult ReadWorkbook(string name, byte[] bytes, ImportLimits limits, VisitorImportOptions options)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (ZipBombGuard.Check(stream, limits) is { } bomb) return Refuse("The workbook was refused: " + bomb + ".");
        if (PackageContent(stream) is { } content) return Refuse(content);
        var errors = new List<ImportError>();
        List<TableRow> rows;
        try { rows = XlsxTableReader.Read(stream, errors, limits); }
        catch (ImportLimitExceededException ex) { return Refuse(TooMany(ex, options)); }
        if (errors.FirstOrDefault(e => e.Row <= 1) is { } fatal) return Refuse($"The workbook could not be read: {fatal.Reason}.");
        return Rows(name, "xlsx", bytes, rows);
    }

    private static ReadResult ReadCsv(string name, byte[] bytes, ImportLimits limits, VisitorImportOptions options)
    {
        if (Encoding(bytes) is { } encoding) return Refuse(encoding);
        using var stream = new MemoryStream(bytes, writable: false);
        if (TextShapeGuard.Check(stream, limits) is { } shape)
            return Refuse(shape.StartsWith("more than", StringComparison.Ordinal)
                ? $"The file has more than {options.MaxRows} visitor rows; split it into smaller files."
                : "The CSV file was refused: " + shape + ".");
        if (Delimiter(bytes) is { } delimiter) return Refuse(delimiter);
        var errors = new List<ImportError>();
        List<TableRow> rows;
        try { rows = [.. CsvTableReader.Read(stream, errors, limits)]; }
        catch (ImportLimitExceededException ex) { return Refuse(TooMany(ex, options)); }
        if (errors.FirstOrDefault(e => e.Row <= 1) is { } fatal) return Refuse($"The CSV file could not be read: {fatal.Reason}.");
        // A malformed record (a stray quote) is not a row anyone can check: the file is refused and the line named.
        if (errors.FirstOrDefault() is { } malformed) return Refuse($"Line {malformed.Row} of the CSV file is malformed: {malformed.Reason}.");
        return Rows(name, "csv", bytes, rows);
    }

    private static ReadResult Rows(string name, string format, byte[] bytes, List<TableRow> rows)
    {
        var headers = rows.SelectMany(r => r.Cells.Keys).Distinct().ToList();
        var missing = VisitorSheet.Columns.Where(c => c.Required && !headers.Contains(c.Key)).Select(c => c.Header).ToList();
        if (rows.Count == 0) return Refuse("The file has a header but no visitor rows.");
        if (missing.Count > 0)
            return Refuse($"The header row lacks the column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}: start from the template (GET /api/v1/imports/visitors/template).");
        return new ReadResult(new Upload(name, format, bytes, rows, headers), null);
    }

    /// <summary>Macros and links to other files are refused whole: a visitor sheet needs neither, and both run or fetch things on the reviewer's machine.</summary>
    private static string? PackageContent(Stream stream)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                var part = entry.FullName.ToLowerInvariant();
                if (part.EndsWith("vbaproject.bin", StringComparison.Ordinal) || part.Contains("/macrosheets/") || part.Contains("/activex/"))
                    return "The workbook contains macros or ActiveX controls; save it as a plain .xlsx workbook and upload that.";
                if (part.Contains("/externallinks/"))
                    return "The workbook links to other workbooks (external links); paste the values in and remove the links.";
            }
            if (zip.GetEntry("[Content_Types].xml") is { } types)
            {
                using var reader = new StreamReader(types.Open());
                if (reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                    return "The workbook is macro-enabled; save it as a plain .xlsx workbook and upload that.";
            }
            return null;
        }
        catch (InvalidDataException ex) { return "The workbook is not a readable zip package: " + ex.Message; }
        finally { stream.Position = start; }
    }

    /// <summary>UTF-8 (with or without a byte-order mark) only: any other encoding would be read as the wrong letters.</summary>
    private static string? Encoding(byte[] bytes)
    {
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return "The CSV file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\".";
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte {ex.Index}" : "";
            return $"The CSV file is not UTF-8 (invalid byte sequence{at}; probably Windows-1252 or Latin-1); save it as \"CSV UTF-8 (comma delimited)\".";
        }
    }

    /// <summary>Excel writes ';' in many European locales and tabs for "text" exports; the header shows which was used.</summary>
    private static string? Delimiter(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        var header = text.Split('\n', 2)[0];
        if (header.Contains(',')) return null;
        if (header.Contains(';')) return "The CSV file uses ';' as its delimiter; the template's CSV uses commas (save as \"CSV UTF-8 (comma delimited)\").";
        if (header.Contains('\t')) return "The CSV file is tab-separated; the template's CSV uses commas (save as \"CSV UTF-8 (comma delimited)\").";
        if (header.Contains('|')) return "The CSV file uses '|' as its delimiter; the template's CSV uses commas.";
        return null;
    }

    private static string TooMany(ImportLimitExceededException ex, VisitorImportOptions options) =>
        ex.Message.StartsWith("more than", StringComparison.Ordinal) && ex.Message.EndsWith("rows", StringComparison.Ordinal)
            ? $"The file has more than {options.MaxRows} visitor rows; split it into smaller files."
            : $"The file was refused: {ex.Message} (row {ex.Row}).";

    private static ReadResult Refuse(string reason) => new(null, reason);
}
