using System.Text;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// Streams an RFC 4180 CSV file (quoted fields, doubled quotes, line breaks inside quotes) as <see cref="TableRow"/>s.
/// Malformed rows (a stray quote, more fields than the header) become errors, not exceptions. A small hand-written
/// reader because the only CSV package on the mirror (CsvHelper 34) changed its API and offers no row-level recovery.
/// </summary>
public static class CsvTableReader
{
    public static IEnumerable<TableRow> Read(Stream stream, List<ImportError> errors, ImportLimits limits)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 1;
        string[]? header = null;
        while (true)
        {
            var startLine = line;
            var (fields, error, eof) = ReadRecord(reader, ref line, limits);
            if (fields is null && eof) break;
            if (line > limits.MaxRows) throw new ImportLimitExceededException($"more than {limits.MaxRows} rows", startLine);
            if (header is null)
            {
                if (error is not null) { errors.Add(new ImportError(startLine, null, "malformed header: " + error)); yield break; }
                header = fields!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                continue;
            }
            if (error is not null) { errors.Add(new ImportError(startLine, null, "malformed CSV: " + error)); continue; }
            if (fields!.Count == 1 && fields[0].Length == 0) continue; // blank line
            if (fields.Count > header.Length && fields.Skip(header.Length).Any(f => f.Length > 0))
            {
                errors.Add(new ImportError(startLine, null, $"{fields.Count} fields but the header has {header.Length}"));
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Count; i++) cells.TryAdd(header[i], fields[i]);
            yield return new TableRow(startLine, cells);
            if (eof) break;
        }
        if (header is null) errors.Add(new ImportError(1, null, "no header row"));
    }

    private static (List<string>? Fields, string? Error, bool Eof) ReadRecord(StreamReader r, ref int line, ImportLimits limits)
    {
        if (r.Peek() < 0) return (null, null, true);
        var fields = new List<string>();
        var sb = new StringBuilder();
        string? error = null;
        var inQuotes = false;
        var quotedField = false;
        while (true)
        {
            var ch = r.Read();
            if (ch < 0)
            {
                if (inQuotes) error ??= "unterminated quoted field";
                fields.Add(sb.ToString());
                return (fields, error, true);
            }
            var c = (char)ch;
            // Checked per character, so one enormous quoted field cannot grow without bound before the row ends.
            if (sb.Length >= limits.MaxCellLength) throw new ImportLimitExceededException($"a cell is longer than {limits.MaxCellLength} characters", line);
            if (fields.Count >= limits.MaxColumns) throw new ImportLimitExceededException($"more than {limits.MaxColumns} columns", line);
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (r.Peek() == '"') { r.Read(); sb.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    sb.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(sb.ToString()); sb.Clear(); quotedField = false;
                    break;
                case '"' when sb.Length == 0 && !quotedField:
                    inQuotes = true; quotedField = true;
                    break;
                case '"':
                    error ??= $"stray quote in field {fields.Count + 1}";
                    sb.Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    fields.Add(sb.ToString());
                    return (fields, error, false);
                default:
                    if (quotedField && !char.IsWhiteSpace(c)) error ??= $"text after closing quote in field {fields.Count + 1}";
                    sb.Append(c);
                    break;
            }
        }
    }
}
