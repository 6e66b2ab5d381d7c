using System.Security.Cryptography;
using System.Text;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// trade.gov Consolidated Screening List CSV. <c>source</c> is kept as the sub-list; because <c>entity_number</c> is
/// not unique across sources (and often empty) the entity id is derived from source + number, or source + name.
/// </summary>
public static class CslCsvImporter
{
    public const string FormatName = "trade-gov-csl";
    public const string ListId = "us_trade_csl";

    public static bool LooksLikeCsl(string headerLine) =>
        headerLine.Contains("entity_number", StringComparison.OrdinalIgnoreCase) &&
        headerLine.Contains("alt_names", StringComparison.OrdinalIgnoreCase);

    public static ImportResult Import(Stream stream, string fileName, ImportMode mode, ImportLimits? limits = null)
    {
        var errors = new List<ImportError>();
        var entities = new List<WatchlistEntity>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvTableReader.Read(stream, errors, limits ?? ImportLimits.Default))
        {
            if (!row.Cells.ContainsKey("name") || !row.Cells.ContainsKey("source"))
            {
                errors.Add(new ImportError(1, "name", "header lacks 'source' or 'name': not a CSL file"));
                return new ImportResult(null, errors, mode);
            }
            var name = row.Get("name");
            var source = row.Get("source");
            if (name.Length == 0) { errors.Add(new ImportError(row.Row, "name", "empty name")); continue; }
            if (source.Length == 0) { errors.Add(new ImportError(row.Row, "source", "empty source")); continue; }
            if (!row.TryDate("start_date", errors, out var start) || !row.TryDate("end_date", errors, out var end)) continue;
            var number = row.Get("entity_number");
            var baseId = SourceKey(source) + "-" + (number.Length > 0 ? number : ShortHash(name));
            var id = baseId;
            for (var k = 2; !ids.Add(id); k++) id = $"{baseId}-{k}";
            var countries = TableRow.SplitList(row.Get("nationalities") + ";" + row.Get("citizenships"), ';', ',')
                .Where(c => c.Length == 2).Select(c => c.ToLowerInvariant()).Distinct().ToList();
            entities.Add(new WatchlistEntity
            {
                ListId = ListId,
                EntityId = id,
                Name = name.Trim(),
                Aliases = TableRow.SplitList(row.Get("alt_names"), ';'),
                Countries = countries,
                Notes = [.. new[] { row.Get("remarks"), row.Get("addresses") }.Where(s => s.Length > 0)],
                Categories = [.. TableRow.SplitList(row.Get("programs"), ';'), .. row.Get("type") is { Length: > 0 } t ? new[] { t } : []],
                Periods = start is null && end is null ? [] : [new ListingPeriod(start, end, source)],
                SubList = source,
            });
        }
        return ImportResult.From(ListId, "US Consolidated Screening List", FormatName, entities, errors, mode);
    }

    // "Denied Persons List (DPL) - Bureau of Industry and Security" -> "dpl"
    private static string SourceKey(string source)
    {
        var open = source.IndexOf('(');
        var close = source.IndexOf(')');
        if (open >= 0 && close > open + 1) return source[(open + 1)..close].ToLowerInvariant();
        return new string(source.Where(char.IsLetter).Take(12).ToArray()).ToLowerInvariant();
    }

    private static string ShortHash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];
}
