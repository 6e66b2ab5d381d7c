using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// Bounds on what a list file may make the importer do, checked while reading and before any entity is built, so a
/// small hostile file (a decompression bomb, a million empty rows, one enormous cell) is refused cheaply.
/// Section "Import" in the API and the worker.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>Parts (zip entries) in an XLSX workbook.</summary>
    [Range(1, 10_000)] public int MaxParts { get; set; } = 200;

    /// <summary>Compressed bytes of one part of an XLSX workbook.</summary>
    [Range(1024, 1024L * 1024 * 1024)] public long MaxCompressedPartBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Bytes one part may inflate to.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)] public long MaxUncompressedPartBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Bytes all parts together may inflate to.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)] public long MaxUncompressedTotalBytes { get; set; } = 128 * 1024 * 1024;

    /// <summary>Rows of a table (header included, empty rows too) or lines of a JSON-lines file.</summary>
    [Range(1, 100_000_000)] public int MaxRows { get; set; } = 200_000;

    /// <summary>Columns of a table.</summary>
    [Range(1, 16_384)] public int MaxColumns { get; set; } = 256;

    /// <summary>Characters of one cell (CSV field, XLSX cell or shared string) or one JSON line.</summary>
    [Range(16, 100_000_000)] public int MaxCellLength { get; set; } = 32_768;

    /// <summary>Bytes of one line of a text list (CSV row, JSON line); real lists stay under a few kilobytes.</summary>
    [Range(256, 1024L * 1024 * 1024)] public long MaxLineBytes { get; set; } = 1024 * 1024;

    /// <summary>Errors kept and reported with a refusal; the total is always given.</summary>
    [Range(1, 10_000)] public int MaxReportedErrors { get; set; } = 100;

    public static ImportLimits Default { get; } = new();

    /// <summary>The same limits with another row bound (an import with a smaller batch size of its own).</summary>
    public ImportLimits WithMaxRows(int maxRows)
    {
        var copy = (ImportLimits)MemberwiseClone();
        copy.MaxRows = maxRows;
        return copy;
    }
}

/// <summary>Thrown by a reader when the file passes a limit; the importer turns it into one error and stops.</summary>
public sealed class ImportLimitExceededException(string reason, int row = 0) : Exception(reason)
{
    public int Row { get; } = row;
}
