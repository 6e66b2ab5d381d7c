namespace ResearchSecurity.Core.Registers;

/// <summary>
/// Formula-injection neutralising for text written to a spreadsheet (OWASP "CSV injection"): text that a spreadsheet
/// could read as a formula — starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — gets a
/// leading apostrophe. Inline strings are never evaluated, but a copy, a re-save as CSV or an edit of the cell would
/// be; the apostrophe keeps the value text everywhere and shows the reader that it was changed.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>XML 1.0 forbids most control characters; a cell keeps the text without them rather than break the file.</summary>
    public static string XmlSafe(string value)
    {
        foreach (var c in value)
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF') return Strip(value);
        return value;
    }

    private static string Strip(string value) =>
        string.Create(value.Count(Keep), value, (span, s) =>
        {
            var i = 0;
            foreach (var c in s) if (Keep(c)) span[i++] = c;
        });

    private static bool Keep(char c) => !(c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF');
}
