using System.Text.Json;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// FollowTheMoney entity JSON lines as OpenSanctions publishes them. Streams line by line; <c>Sanction</c> entities
/// become listing periods of their target, <c>Ownership</c> sets the asset's parent. The list id is <c>datasets[0]</c>.
/// </summary>
public static class FtmImporter
{
    public const string FormatName = "ftm-jsonl";
    private static readonly HashSet<string> LinkSchemas = ["Sanction", "Ownership", "Address", "Identification", "Family",
        "Associate", "Membership", "Directorship", "Employment", "Representation", "UnknownLink", "Occupancy", "Position"];

    private sealed record Pending(int Line, string Kind, string From, string To, ListingPeriod? Period);

    public static ImportResult Import(Stream stream, string fileName, ImportMode mode)
    {
        var errors = new List<ImportError>();
        var entities = new Dictionary<string, (int Line, WatchlistEntity Entity)>(StringComparer.Ordinal);
        var links = new List<Pending>();
        string? listId = null;
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException ex) { errors.Add(new ImportError(lineNo, null, "invalid JSON: " + ex.Message)); continue; }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { errors.Add(new ImportError(lineNo, null, "line is not a JSON object")); continue; }
                var id = Str(root, "id");
                var schema = Str(root, "schema");
                if (string.IsNullOrWhiteSpace(id)) { errors.Add(new ImportError(lineNo, "id", "missing entity id")); continue; }
                if (string.IsNullOrWhiteSpace(schema)) { errors.Add(new ImportError(lineNo, "schema", "missing schema")); continue; }
                if (listId is null && root.TryGetProperty("datasets", out var ds) && ds.ValueKind == JsonValueKind.Array && ds.GetArrayLength() > 0)
                    listId = ds[0].GetString();
                var props = root.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                if (props.ValueKind != JsonValueKind.Object) { errors.Add(new ImportError(lineNo, "properties", "missing properties object")); continue; }

                if (schema == "Sanction")
                {
                    var target = Values(props, "entity").FirstOrDefault();
                    if (target is null) { errors.Add(new ImportError(lineNo, "entity", "sanction names no entity")); continue; }
                    var startText = Values(props, "startDate").FirstOrDefault() ?? Values(props, "listingDate").FirstOrDefault();
                    var endText = Values(props, "endDate").FirstOrDefault();
                    if (!DateParsing.TryParse(startText, out var start)) { errors.Add(new ImportError(lineNo, "startDate", $"not a date: '{startText}'")); continue; }
                    if (!DateParsing.TryParse(endText, out var end)) { errors.Add(new ImportError(lineNo, "endDate", $"not a date: '{endText}'")); continue; }
                    links.Add(new Pending(lineNo, "sanction", target, "", new ListingPeriod(start, end, Values(props, "program").FirstOrDefault())));
                }
                else if (schema == "Ownership")
                {
                    var owner = Values(props, "owner").FirstOrDefault();
                    var asset = Values(props, "asset").FirstOrDefault();
                    if (owner is null || asset is null) { errors.Add(new ImportError(lineNo, owner is null ? "owner" : "asset", "ownership lacks owner or asset")); continue; }
                    links.Add(new Pending(lineNo, "ownership", owner, asset, null));
                }
                else if (!LinkSchemas.Contains(schema))
                {
                    var names = Values(props, "name").ToList();
                    if (names.Count == 0 || string.IsNullOrWhiteSpace(names[0])) { errors.Add(new ImportError(lineNo, "name", $"{schema} '{id}' has no name")); continue; }
                    if (entities.ContainsKey(id)) { errors.Add(new ImportError(lineNo, "id", $"duplicate entity id '{id}'")); continue; }
                    entities[id] = (lineNo, new WatchlistEntity
                    {
                        ListId = "",
                        EntityId = id,
                        Name = names[0],
                        Aliases = [.. names.Skip(1), .. Values(props, "alias")],
                        WeakAliases = [.. Values(props, "weakAlias")],
                        PreviousNames = [.. Values(props, "previousName")],
                        Countries = [.. Values(props, "country").Select(c => c.ToLowerInvariant())],
                        Websites = [.. Values(props, "website")],
                        Notes = [.. Values(props, "notes")],
                        Categories = [.. Values(props, "topics")],
                    });
                }
            }
        }

        var periods = new Dictionary<string, List<ListingPeriod>>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var missing = link.Kind == "sanction" ? (entities.ContainsKey(link.From) ? null : link.From)
                : !entities.ContainsKey(link.From) ? link.From : !entities.ContainsKey(link.To) ? link.To : null;
            if (missing is not null) { errors.Add(new ImportError(link.Line, link.Kind == "sanction" ? "entity" : "owner/asset", $"refers to unknown entity '{missing}'")); continue; }
            if (link.Kind == "sanction")
            {
                if (!periods.TryGetValue(link.From, out var list)) periods[link.From] = list = [];
                list.Add(link.Period!);
            }
            else parents.TryAdd(link.To, link.From);
        }
        listId ??= Path.GetFileNameWithoutExtension(fileName);
        var result = entities.Values.OrderBy(e => e.Line).Select(e => e.Entity with
        {
            ListId = listId,
            Periods = periods.TryGetValue(e.Entity.EntityId, out var ps) ? ps : [],
            ParentId = parents.GetValueOrDefault(e.Entity.EntityId),
        }).ToList();
        return ImportResult.From(listId, listId, FormatName, result, errors, mode);
    }

    private static string? Str(JsonElement e, string name) => JsonValues.Str(e, name);

    private static IEnumerable<string> Values(JsonElement props, string name) => JsonValues.Strings(props, name);
}
