using System.Globalization;
using System.Text.Json;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Jobs;

/// <summary>Words and badges for a background job's state and result.</summary>
public static class Progress
{
    public static bool IsFinished(JobResponse job) => job.State is "succeeded" or "failed";

    public static string StateClass(string state) => "status " + state switch
    {
        "succeeded" => "status-approved",
        "failed" => "status-rejected",
        "queued" => "status-draft",
        _ => "status-inreview",
    };

    public static string Eta(double? seconds) => seconds switch
    {
        null => "",
        < 1 => "less than a second left",
        < 90 => $"about {Math.Round(seconds.Value)} s left",
        _ => $"about {Math.Round(seconds.Value / 60)} min left",
    };

    /// <summary>The job's result object as label/value pairs (its numbers in the user's locale).</summary>
    public static IEnumerable<(string Label, string Value)> Result(JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Object } r) yield break;
        foreach (var p in r.EnumerateObject())
            yield return (Infrastructure.Display.Words(char.ToUpperInvariant(p.Name[0]) + p.Name[1..]), p.Value.ValueKind switch
            {
                JsonValueKind.Number when p.Value.TryGetInt64(out var n) => n.ToString("N0", CultureInfo.CurrentCulture),
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                JsonValueKind.Null => "—",
                _ => p.Value.GetRawText(),
            });
    }
}
