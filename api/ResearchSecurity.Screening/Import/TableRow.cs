namespace ResearchSecurity.Screening.Import;

/// <summary>One data row of a CSV or XLSX file: its 1-based row number and cells keyed by lower-cased header.</summary>
public sealed record TableRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string key) => Cells.TryGetValue(key, out var v) ? v.Trim() : "";

    /// <summary>Parses a date cell; an unparseable one is reported against this row and field.</summary>
    public bool TryDate(string field, List<ImportError> errors, out DateOnly? date)
    {
        if (DateParsing.TryParse(Get(field), out date)) return true;
        errors.Add(new ImportError(Row, field, $"not a date: '{Get(field)}'"));
        return false;
    }

    public static List<string> SplitList(string value, params char[] separators) =>
        [.. value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
