namespace ResearchSecurity.Screening.Import;

/// <summary>
/// Single entry point for list files and uploads: picks the importer from the extension and the first bytes
/// (FtM JSON lines, MISP galaxy JSON, trade.gov CSL CSV, generic CSV, XLSX).
/// </summary>
public static class WatchlistImport
{
    public static ImportResult Import(Stream stream, string fileName, ImportMode mode = ImportMode.Lenient, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var head = Peek(seekable);
        // The package's shape is checked before any importer parses it (see ZipBombGuard and TextShapeGuard).
        var zip = head.StartsWith("PK", StringComparison.Ordinal);
        if ((zip ? ZipBombGuard.Check(seekable, limits) : TextShapeGuard.Check(seekable, limits)) is { } refused)
            return new ImportResult(null, [new ImportError(0, null, refused)], mode);
        ImportResult result;
        try { result = ImportChecked(seekable, fileName, mode, limits, ext, head); }
        catch (ImportLimitExceededException ex) { return new ImportResult(null, [new ImportError(ex.Row, null, ex.Message)], mode); }
        return result.Errors.Count <= limits.MaxReportedErrors
            ? result
            : result with { Errors = [.. result.Errors.Take(limits.MaxReportedErrors)], TotalErrors = result.Errors.Count };
    }

    private static ImportResult ImportChecked(Stream seekable, string fileName, ImportMode mode, ImportLimits limits, string ext, string head)
    {
        var firstLine = head.Split('\n')[0];
        return ext switch
        {
            ".xlsx" or ".xlsm" => GenericTableImporter.ImportXlsx(seekable, fileName, mode, limits),
            ".jsonl" or ".ndjson" => FtmImporter.Import(seekable, fileName, mode),
            ".json" when head.TrimStart().StartsWith('{') && !LooksLikeJsonLines(head) => MispGalaxyImporter.Import(seekable, fileName, mode),
            ".json" => FtmImporter.Import(seekable, fileName, mode),
            ".csv" or ".tsv" or ".txt" when CslCsvImporter.LooksLikeCsl(firstLine) => CslCsvImporter.Import(seekable, fileName, mode, limits),
            ".csv" or ".tsv" or ".txt" => GenericTableImporter.ImportCsv(seekable, fileName, mode, limits),
            _ when head.StartsWith("PK", StringComparison.Ordinal) => GenericTableImporter.ImportXlsx(seekable, fileName, mode, limits),
            _ when head.TrimStart().StartsWith('{') => LooksLikeJsonLines(head)
                ? FtmImporter.Import(seekable, fileName, mode)
                : MispGalaxyImporter.Import(seekable, fileName, mode),
            _ => new ImportResult(null, [new ImportError(0, null, $"unknown list format for '{fileName}'")], mode),
        };
    }

    /// <summary>Imports a file, or every list file in a folder.</summary>
    public static IEnumerable<(string Path, ImportResult Result)> ImportPath(string path, ImportMode mode = ImportMode.Lenient)
    {
        IEnumerable<string> files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".json" or ".jsonl" or ".ndjson" or ".csv" or ".xlsx").Order(StringComparer.Ordinal)
            : [path];
        foreach (var file in files)
        {
            using var s = File.OpenRead(file);
            yield return (file, Import(s, Path.GetFileName(file), mode));
        }
    }

    // FtM lines each carry "schema" at the top level; a galaxy cluster spans many lines.
    private static bool LooksLikeJsonLines(string head)
    {
        var first = head.Split('\n')[0].Trim();
        return first.StartsWith('{') && first.EndsWith('}') && first.Contains("\"schema\"", StringComparison.Ordinal);
    }

    private static string Peek(Stream s)
    {
        var pos = s.Position;
        var buf = new byte[4096];
        var n = s.Read(buf, 0, buf.Length);
        s.Position = pos;
        var text = System.Text.Encoding.UTF8.GetString(buf, 0, n);
        return text.TrimStart('\uFEFF');
    }

    private static MemoryStream Buffer(Stream s)
    {
        var ms = new MemoryStream();
        s.CopyTo(ms);
        ms.Position = 0;
        return ms;
    }
}
