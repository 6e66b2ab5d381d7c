using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResearchSecurity.Screening.Tests.Support;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// Quality floor on the labelled development set, scored exactly as ../shared/tools/score-screening.py scores it:
/// an expected entity is found when a hit on the same list names one of its acceptable names; a distinct
/// (list, name) hit no expected or optional entity accepts is a false positive; ambiguous items are skipped.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class DevelopmentSetQualityTests(EngineFixture fixture, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> ListAliases = new()
    {
        ["china-defence-universities"] = "aspi", ["aspi"] = "aspi",
        ["us_dod_section_1286"] = "us-1286", ["us-1286"] = "us-1286",
        ["us_dod_chinese_milcorps"] = "us-1260h", ["us-1260h"] = "us-1260h",
    };

    [Fact]
    public void Screen_DevelopmentSet_PrecisionAndRecallMeetQualityFloor()
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var line in File.ReadLines(SharedData.Affiliations("ror-springer-2023.labels.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var item = doc.RootElement;
            if (item.GetProperty("status").GetString() != "clear") continue;
            var expected = new List<(string List, HashSet<string> Names)>();
            var optional = new List<(string List, HashSet<string> Names)>();
            foreach (var e in item.GetProperty("expected").EnumerateArray())
            {
                var entry = (e.GetProperty("list").GetString()!, e.GetProperty("names").EnumerateArray().Select(n => Norm(n.GetString())).ToHashSet());
                (e.TryGetProperty("optional", out var o) && o.GetBoolean() ? optional : expected).Add(entry);
            }
            var hits = fixture.Engine.Screen(item.GetProperty("affiliation").GetString()!)
                .Select(h => (List: ListAliases.GetValueOrDefault(h.ListId, h.ListId), Name: Norm(h.Name))).ToHashSet();
            var found = expected.Count(x => hits.Any(h => h.List == x.List && x.Names.Contains(h.Name)));
            tp += found;
            fn += expected.Count - found;
            fp += hits.Count(h => !expected.Concat(optional).Any(x => x.List == h.List && x.Names.Contains(h.Name)));
        }
        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tp={tp} fp={fp} fn={fn} precision={precision:F4} recall={recall:F4}"));
        Assert.True(precision >= QualityFloor.DevelopmentPrecision, $"precision {precision:F4} below {QualityFloor.DevelopmentPrecision} (tp={tp}, fp={fp})");
        Assert.True(recall >= QualityFloor.DevelopmentRecall, $"recall {recall:F4} below {QualityFloor.DevelopmentRecall} (tp={tp}, fn={fn})");
    }

    // Same folding as the python scorer: NFKC, curly apostrophe and dashes, whitespace runs, case.
    private static string Norm(string? s)
    {
        var t = (s ?? "").Normalize(NormalizationForm.FormKC).Replace('\u2019', '\'').Replace('\u2013', '-').Replace('\u2014', '-');
        return Spaces().Replace(t, " ").Trim().ToLowerInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
