using System.Text.Json;

namespace ResearchSecurity.Web.Api;

/// <summary>The engine's explanation of a hit (the JSON the screening endpoint returns), read for display.</summary>
public sealed record HitExplanation(
    string? ListName, string? MatchedNameKind, IReadOnlyList<HitExplanation.Feature> Features, IReadOnlyList<string> MatchedTokens,
    IReadOnlyList<string> UnmatchedTokens, string? CountryAgreement, IReadOnlyList<string> TextCountries, IReadOnlyList<string> EntityCountries,
    string? ParentPath)
{
    public sealed record Feature(string Name, string Detail, double Factor, double Contribution);

    public static readonly HitExplanation Empty = new(null, null, [], [], [], null, [], [], null);

    public static HitExplanation From(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return Empty;
        return new HitExplanation(Text(json, "listName"), Text(json, "matchedNameKind"),
            Items(json, "features").Select(f => new Feature(Text(f, "feature") ?? "", Text(f, "detail") ?? "", Number(f, "factor"), Number(f, "contribution"))).ToList(),
            Strings(json, "matchedTokens"), Strings(json, "unmatchedTokens"), Text(json, "countryAgreement"), Strings(json, "textCountries"),
            Strings(json, "entityCountries"), Text(json, "parentPath"));
    }

    /// <summary>One feature in words: what was observed and how it moved the score.</summary>
    public static string Words(Feature f)
    {
        var effect = f.Factor switch
        {
            > 1.0001 => $"raised the score (×{f.Factor:0.##})",
            < 0.9999 => $"lowered the score (×{f.Factor:0.##})",
            _ => "left the score as it was",
        };
        return $"{Infrastructure.Display.Words(f.Name)}: {f.Detail} — {effect}";
    }

    public string CountryWords => CountryAgreement switch
    {
        "Agrees" or "Agree" or "Match" => "The country in the text agrees with the listed entity's country.",
        "Conflicts" or "Conflict" or "Mismatch" => "The country in the text differs from the listed entity's country.",
        null or "Unknown" => "No country to compare.",
        var other => $"Country: {Infrastructure.Display.Words(other)}.",
    };

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static List<string> Strings(JsonElement e, string name) => Items(e, name).Select(x => x.ToString()).ToList();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : 0;
}
