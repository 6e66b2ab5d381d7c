using System.IO.Compression;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// Inflates every part of a zip package (XLSX) into a small reused buffer, counting, before the OpenXml reader touches
/// it. The sizes declared in the zip directory are not trusted: the bytes that actually come out are counted, and
/// reading stops at the first part or total over the limit, so a 300 KB file that would inflate to gigabytes costs
/// a few megabytes of reading and no memory.
/// </summary>
public static class ZipBombGuard
{
    public static string? Check(Stream stream, ImportLimits limits)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxParts) return $"the workbook has {zip.Entries.Count} parts; the limit is {limits.MaxParts}";
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.CompressedLength > limits.MaxCompressedPartBytes)
                    return $"part '{entry.FullName}' is {entry.CompressedLength} bytes compressed; the limit is {limits.MaxCompressedPartBytes}";
                if (entry.Length > limits.MaxUncompressedPartBytes)
                    return $"part '{entry.FullName}' declares {entry.Length} bytes uncompressed; the limit is {limits.MaxUncompressedPartBytes}";
                using var part = entry.Open();
                long inflated = 0;
                int n;
                while ((n = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += n;
                    total += n;
                    if (inflated > limits.MaxUncompressedPartBytes)
                        return $"part '{entry.FullName}' inflates to more than {limits.MaxUncompressedPartBytes} bytes (a decompression bomb?)";
                    if (total > limits.MaxUncompressedTotalBytes)
                        return $"the workbook inflates to more than {limits.MaxUncompressedTotalBytes} bytes in total";
                }
            }
            return null;
        }
        catch (InvalidDataException ex) { return "not a readable zip package: " + ex.Message; }
        finally { stream.Position = start; }
    }
}
