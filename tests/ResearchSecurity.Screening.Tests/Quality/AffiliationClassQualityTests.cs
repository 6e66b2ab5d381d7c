using System.Globalization;
using System.Text.Json;
using ResearchSecurity.Screening.Tests.Support;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// Precision and recall per defect class on affiliation strings written for this project (Data/affiliation-classes.jsonl:
/// lone letters, Traditional script, typos, abbreviations, legal forms, glued words, group members), each class with
/// look-alikes that must stay clear. An expected "list|Name" must be hit on that list; a hit whose name starts with any
/// expected name is accepted on any list (the same institution listed twice), as is one starting with a name under "also"
/// (a former name listed as its own entry, a group parent); every other hit is a false positive.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AffiliationClassQualityTests(EngineFixture fixture, ITestOutputHelper output)
{
    private sealed record Item(string Class, string Text, string[] Expect, string[] Also);

    private static readonly Lazy<List<Item>> Items = new(() => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "affiliation-classes.jsonl"))
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return new Item(r.GetProperty("class").GetString()!, r.GetProperty("text").GetString()!,
                r.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                r.TryGetProperty("also", out var also) ? also.EnumerateArray().Select(e => e.GetString()!).ToArray() : []);
        }).ToList());

    [Theory]
    [InlineData("lone letters")]
    [InlineData("traditional script")]
    [InlineData("typos")]
    [InlineData("abbreviations")]
    [InlineData("legal forms")]
    [InlineData("glued words")]
    [InlineData("group members")]
    public void Screen_DefectClass_PrecisionAndRecallMeetFloor(string defectClass)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var item in Items.Value.Where(i => i.Class == defectClass))
        {
            var hits = fixture.Engine.Screen(item.Text, new DateOnly(2026, 1, 1));
            var expected = item.Expect.Select(e => e.Split('|', 2)).Select(p => (List: p[0], Name: p[1])).ToList();
            foreach (var (list, name) in expected)
            {
                if (hits.Any(h => h.ListId == list && h.Name.StartsWith(name, StringComparison.Ordinal))) tp++;
                else
                {
                    fn++;
                    output.WriteLine($"missed: {list}|{name} in \"{item.Text}\"");
                }
            }
            var accepted = expected.Select(x => x.Name).Concat(item.Also).ToList();
            foreach (var h in hits.Where(h => !accepted.Any(a => h.Name.StartsWith(a, StringComparison.Ordinal))).DistinctBy(h => (h.ListId, h.EntityId)))
            {
                fp++;
                output.WriteLine($"false: {h.ListId}|{h.Name} ({h.Score}) in \"{item.Text}\"");
            }
        }
        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{defectClass}: tp={tp} fp={fp} fn={fn} precision={precision:F3} recall={recall:F3}"));
        Assert.True(precision >= QualityFloor.ClassPrecision, $"{defectClass}: precision {precision:F3} below {QualityFloor.ClassPrecision}");
        Assert.True(recall >= QualityFloor.ClassRecall, $"{defectClass}: recall {recall:F3} below {QualityFloor.ClassRecall}");
    }
}
