using System.Text.Json;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Import;

/// <summary>
/// MISP galaxy cluster JSON (the ASPI tracker). Each <c>values[]</c> item is an entity whose canonical name is
/// <c>value</c>; <c>meta.subsidiaries</c> and <c>meta["major defence laboratories"]</c> become child names.
/// The list id is the cluster's <c>type</c>.
/// </summary>
public static class MispGalaxyImporter
{
    public const string FormatName = "misp-galaxy";
    private static readonly string[] ChildKeys = ["subsidiaries", "major defence laboratories", "major defense laboratories"];

    public static ImportResult Import(Stream stream, string fileName, ImportMode mode)
    {
        var errors = new List<ImportError>();
        var entities = new List<WatchlistEntity>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(stream); }
        catch (JsonException ex)
        {
            errors.Add(new ImportError((int)(ex.LineNumber ?? 0) + 1, null, "invalid JSON: " + ex.Message));
            return new ImportResult(null, errors, mode);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ImportError(0, "values", "not a MISP galaxy cluster: no 'values' array"));
                return new ImportResult(null, errors, mode);
            }
            var listId = Str(root, "type") ?? Path.GetFileNameWithoutExtension(fileName);
            var display = Str(root, "name") ?? listId;
            var row = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in values.EnumerateArray())
            {
                row++;
                if (v.ValueKind != JsonValueKind.Object) { errors.Add(new ImportError(row, null, "entry is not an object")); continue; }
                var value = Str(v, "value");
                if (string.IsNullOrWhiteSpace(value)) { errors.Add(new ImportError(row, "value", "entry has no 'value' (name)")); continue; }
                var id = Str(v, "uuid") ?? value;
                if (!seen.Add(id)) { errors.Add(new ImportError(row, "uuid", $"duplicate uuid '{id}'")); continue; }
                var meta = v.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
                var aliases = Strings(meta, "aliases").ToList();
                var address = Strings(meta, "address").FirstOrDefault();
                var children = ChildKeys.SelectMany(k => Strings(meta, k).Select(c => ChildFrom(c, k))).ToList();
                var notes = new List<string>();
                if (Str(v, "description") is { Length: > 0 } d) notes.Add(d);
                entities.Add(new WatchlistEntity
                {
                    ListId = listId,
                    EntityId = id,
                    Name = value,
                    Aliases = [.. aliases.Where(a => !IsAcronym(a))],
                    WeakAliases = [.. aliases.Where(IsAcronym)],
                    Countries = CountriesOf(address, value, aliases),
                    Websites = [.. Strings(meta, "refs")],
                    Addresses = address is null ? [] : [address],
                    Notes = notes,
                    Categories = [.. Strings(meta, "categories")],
                    Children = children,
                });
            }
            return ImportResult.From(listId, display, FormatName, entities, errors, mode);
        }
    }

    /// <summary>"Institute of Chemical Defense (防化研究院)" -> name + Chinese alias.</summary>
    private static ChildName ChildFrom(string text, string path)
    {
        var open = text.IndexOf('(');
        if (open > 0 && TextNormalizer.HasCjk(text[open..]))
        {
            var alias = text[(open + 1)..].TrimEnd(')', ' ').Trim();
            return new ChildName(text[..open].Trim(), path, [alias]);
        }
        return new ChildName(text.Trim(), path);
    }

    internal static bool IsAcronym(string s) => s.Length is >= 2 and <= 8 && s.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&');

    private static IReadOnlyList<string> CountriesOf(string? address, string value, List<string> aliases)
    {
        // The tracker is about Chinese institutions; the address (or a Chinese-script name) says so per entry.
        if (address is not null && address.Contains("China", StringComparison.OrdinalIgnoreCase)) return ["cn"];
        return TextNormalizer.HasCjk(value) || aliases.Any(TextNormalizer.HasCjk) ? ["cn"] : [];
    }

    private static string? Str(JsonElement e, string name) => JsonValues.Str(e, name);

    private static IEnumerable<string> Strings(JsonElement e, string name) => JsonValues.Strings(e, name);
}
