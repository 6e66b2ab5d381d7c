using System.Globalization;
using ResearchSecurity.Screening.Matching;
using Xunit.Abstractions;

namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>
/// The <c>Compare</c> decision on the name-pair set derived from the real lists (<see cref="NamePairSet"/>): F1 at the
/// engine's own default threshold, per class, and the best threshold on each half (chosen on one, reported on the other).
/// Set RS_EXPORT_NAME_PAIRS to a path to write the set as CSV for the <c>compare</c> verb.
/// </summary>
public sealed class NamePairQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Compare_NamePairSetFromRealLists_F1AtDefaultThresholdMeetsFloor()
    {
        var lists = NamePairSet.LoadLists();
        var pairs = NamePairSet.Build(lists);
        if (Environment.GetEnvironmentVariable("RS_EXPORT_NAME_PAIRS") is { Length: > 0 } path)
            File.WriteAllText(path, NamePairSet.ToCsv(pairs));
        using var engine = ScreeningEngine.Build(lists, new ScreeningOptions());
        var everything = pairs.Select(p => (Pair: p, Score: engine.Compare(p.Name1, p.Name2))).ToList();
        // An English name and its Chinese alias, or an alias sharing no word with the name, cannot be decided from the two
        // strings: reported per class, kept out of the headline figure.
        var scored = everything.Where(s => NamePairSet.Decidable(s.Pair)).ToList();
        var threshold = engine.Options.CompareMatchThreshold;
        var all = NamePairSet.Score(scored.Select(s => (s.Pair.Same, s.Score)), threshold);
        output.WriteLine(Invariant($"pairs={scored.Count} (same={scored.Count(p => p.Pair.Same)}) threshold={threshold} precision={all.Precision:F3} recall={all.Recall:F3} f1={all.F1:F3}"));
        foreach (var g in everything.GroupBy(s => s.Pair.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = g.Count();
            var correct = g.Count(s => (s.Score >= threshold) == s.Pair.Same);
            output.WriteLine(Invariant($"  {g.Key}: {n} pairs, {correct} decided right ({(double)correct / n:F3})"));
        }
        var even = scored.Where((_, i) => i % 2 == 0).Select(s => (s.Pair.Same, s.Score)).ToList();
        var odd = scored.Where((_, i) => i % 2 == 1).Select(s => (s.Pair.Same, s.Score)).ToList();
        var tEven = NamePairSet.BestThreshold(even);
        var tOdd = NamePairSet.BestThreshold(odd);
        output.WriteLine(Invariant($"best threshold on the whole set {NamePairSet.BestThreshold(scored.Select(s => (s.Pair.Same, s.Score)).ToList())}"));
        output.WriteLine(Invariant($"best threshold on even half {tEven} -> odd half F1 {NamePairSet.Score(odd, tEven).F1:F3}; on odd half {tOdd} -> even half F1 {NamePairSet.Score(even, tOdd).F1:F3}"));
        foreach (var t in new[] { 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 })
        {
            var f = NamePairSet.Score(scored.Select(s => (s.Pair.Same, s.Score)), t);
            output.WriteLine(Invariant($"  at {t}: precision={f.Precision:F3} recall={f.Recall:F3} f1={f.F1:F3}"));
        }
        foreach (var miss in scored.Where(s => (s.Score >= threshold) != s.Pair.Same).OrderBy(s => s.Pair.Same).Take(60))
            output.WriteLine(Invariant($"  wrong: {miss.Score:F3} same={miss.Pair.Same} [{miss.Pair.Class}] {miss.Pair.Name1} | {miss.Pair.Name2}"));
        Assert.True(all.F1 >= QualityFloor.NamePairF1, Invariant($"F1 {all.F1:F3} below {QualityFloor.NamePairF1}"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
