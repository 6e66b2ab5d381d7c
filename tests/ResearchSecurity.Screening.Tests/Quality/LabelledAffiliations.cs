using System.Globalization;
using System.Text.Json;
using ResearchSecurity.Screening.Matching;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// A labelled affiliation set written for this project (Data/*.jsonl: class, text, expect, also) and its scoring. An
/// expected "list|Name" must be hit on that list; a hit whose name starts with any expected name is accepted on any list
/// (the same institution listed twice), as is one starting with a name under "also" (a former name listed as its own
/// entry, a group parent); every other hit is a false positive.
/// </summary>
public static class LabelledAffiliations
{
    public sealed record Item(string Class, string Text, string[] Expect, string[] Also);

    public sealed record Score(int Tp, int Fp, int Fn)
    {
        public double Precision => Tp + Fp == 0 ? 1.0 : (double)Tp / (Tp + Fp);
        public double Recall => Tp + Fn == 0 ? 1.0 : (double)Tp / (Tp + Fn);
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"tp={Tp} fp={Fp} fn={Fn} precision={Precision:F3} recall={Recall:F3}");
    }

    public static List<Item> Load(string fileName) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", fileName))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                var r = doc.RootElement;
                return new Item(r.GetProperty("class").GetString()!, r.GetProperty("text").GetString()!,
                    r.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    r.TryGetProperty("also", out var also) ? also.EnumerateArray().Select(e => e.GetString()!).ToArray() : []);
            }).ToList();

    public static Score Measure(ScreeningEngine engine, IEnumerable<Item> items, ITestOutputHelper output)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var item in items)
        {
            var hits = engine.Screen(item.Text, new DateOnly(2026, 1, 1));
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
        return new Score(tp, fp, fn);
    }
}
