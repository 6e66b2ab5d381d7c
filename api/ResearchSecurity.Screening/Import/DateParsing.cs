using System.Globalization;

namespace ResearchSecurity.Screening.Import;

/// <summary>Lenient date parsing for list files: ISO dates, "yyyy-MM", bare years, and Excel serial numbers.</summary>
internal static class DateParsing
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy/MM/dd", "yyyy-MM", "yyyy", "dd.MM.yyyy", "MM/dd/yyyy"];

    /// <summary>Empty -> (true, null). Unparseable -> false.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Trim();
        if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }
}
