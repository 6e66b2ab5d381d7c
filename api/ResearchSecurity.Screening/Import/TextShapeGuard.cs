namespace ResearchSecurity.Screening.Import;

/// <summary>
/// One pass over the bytes of a text list (CSV, JSON lines, JSON) before it is parsed: at most
/// <see cref="ImportLimits.MaxRows"/> lines, none longer than <see cref="ImportLimits.MaxLineBytes"/>. No text is decoded
/// and nothing is allocated beyond one buffer.
/// </summary>
public static class TextShapeGuard
{
    public static string? Check(Stream stream, ImportLimits limits)
    {
        var start = stream.Position;
        try
        {
            var buffer = new byte[81920];
            long lines = 1, lineBytes = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, n);
                while (span.Length > 0)
                {
                    var newline = span.IndexOf((byte)'\n');
                    if (newline < 0) { lineBytes += span.Length; break; }
                    lineBytes += newline;
                    if (lineBytes > limits.MaxLineBytes) return $"line {lines} is longer than {limits.MaxLineBytes} bytes";
                    lines++;
                    // A trailing newline does not start a row of its own; the limit counts rows that can hold data.
                    if (lines > limits.MaxRows + 1) return $"more than {limits.MaxRows} lines";
                    lineBytes = 0;
                    span = span[(newline + 1)..];
                }
                if (lineBytes > limits.MaxLineBytes) return $"line {lines} is longer than {limits.MaxLineBytes} bytes";
            }
            return null;
        }
        finally { stream.Position = start; }
    }
}
