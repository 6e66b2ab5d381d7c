using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// In-house lists and spreadsheets: a header row naming at least <c>name</c>; optional <c>id</c>, <c>aliases</c>
/// (';' or '|' separated), <c>country</c>, <c>notes</c>, <c>start_date</c>, <c>end_date</c>, <c>parent</c> (name or id
/// of another row). The list id is the file name without extension.
/// </summary>
public static class GenericTableImporter
{
    public const string CsvFormat = "generic-csv";
    public const string XlsxFormat = "generic-xlsx";

    public static ImportResult ImportCsv(Stream stream, string fileName, ImportMode mode, ImportLimits? limits = null)
    {
        var errors = new List<ImportError>();
        return Build(CsvTableReader.Read(stream, errors, limits ?? ImportLimits.Default), errors, fileName, CsvFormat, mode);
    }

    public static ImportResult ImportXlsx(Stream stream, string fileName, ImportMode mode, ImportLimits? limits = null)
    {
        var errors = new List<ImportError>();
        return Build(XlsxTableReader.Read(stream, errors, limits ?? ImportLimits.Default), errors, fileName, XlsxFormat, mode);
    }

    private static ImportResult Build(IEnumerable<TableRow> rows, List<ImportError> errors, string fileName, string format, ImportMode mode)
    {
        var listId = Path.GetFileNameWithoutExtension(fileName);
        var entities = new List<WatchlistEntity>();
        var parents = new List<(int Index, string Parent, int Row)>();
        var headerChecked = false;
        foreach (var row in rows)
        {
            if (!headerChecked)
            {
                headerChecked = true;
                if (!row.Cells.ContainsKey("name"))
                {
                    errors.Add(new ImportError(1, "name", "header has no 'name' column"));
                    return new ImportResult(null, errors, mode);
                }
            }
            var name = row.Get("name");
            if (name.Length == 0) { errors.Add(new ImportError(row.Row, "name", "empty name")); continue; }
            if (!row.TryDate("start_date", errors, out var start) || !row.TryDate("end_date", errors, out var end)) continue;
            if (start is not null && end is not null && end < start) { errors.Add(new ImportError(row.Row, "end_date", "end date before start date")); continue; }
            var id = row.Get("id") is { Length: > 0 } given ? given : $"{listId}-{row.Row}";
            var aliases = TableRow.SplitList(row.Get("aliases"), ';', '|');
            if (row.Get("parent") is { Length: > 0 } parent) parents.Add((entities.Count, parent, row.Row));
            entities.Add(new WatchlistEntity
            {
                ListId = listId,
                EntityId = id,
                Name = name,
                Aliases = [.. aliases.Where(a => !MispGalaxyImporter.IsAcronym(a))],
                WeakAliases = [.. aliases.Where(MispGalaxyImporter.IsAcronym)],
                Countries = [.. TableRow.SplitList(row.Get("country"), ';', '|', ',').Select(c => c.ToLowerInvariant())],
                Notes = row.Get("notes") is { Length: > 0 } n ? [n] : [],
                Periods = start is null && end is null ? [] : [new ListingPeriod(start, end)],
            });
        }
        if (!headerChecked && errors.Count == 0) errors.Add(new ImportError(1, null, "no data rows"));
        // A parent may be given by id or by name; unknown parents are kept as given (they may live on another list).
        var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entities) { byKey.TryAdd(e.EntityId, e.EntityId); byKey.TryAdd(e.Name, e.EntityId); }
        foreach (var (index, parent, _) in parents)
            entities[index] = entities[index] with { ParentId = byKey.GetValueOrDefault(parent, parent) };
        return ImportResult.From(listId, listId, format, entities, errors, mode);
    }
}
