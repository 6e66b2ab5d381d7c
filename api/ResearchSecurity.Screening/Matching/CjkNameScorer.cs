using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Scores a Chinese-script name form by containment in a segment's Chinese characters, both sides folded to Simplified
/// (<see cref="ScriptFolding"/>), or by its Hangul reading in a Korean text (<see cref="HangulReadings"/>); low-information
/// Chinese names never get here (<see cref="NameInformation"/>).
/// </summary>
internal sealed class CjkNameScorer(ScreeningOptions options)
{
    private readonly ScreeningOptions _options = options;

    public Hit? Score(CompiledName name, WatchlistEntity entity, Context ctx)
    {
        foreach (var seg in ctx.Segments)
        {
            var at = seg.Cjk.IndexOf(name.Cjk, StringComparison.Ordinal);
            if (at < 0 || Lexicon.CjkNameModifiers.Any(m => at >= m.Length && string.CompareOrdinal(seg.Cjk, at - m.Length, m, 0, m.Length) == 0)) continue;
            var folded = seg.Raw.Any(c => TextNormalizer.IsCjk(c) && ScriptFolding.Fold(c) != c);
            var features = new List<FeatureContribution>
            {
                TextNormalizer.IsHangul(name.Cjk[0])
                    ? new("hangul reading", "Sino-Korean reading of the listed Chinese name found (Unihan kHangul)", 1, 0)
                    : new("chinese script", folded ? "listed Chinese name found, Traditional characters folded to Simplified" : "listed Chinese name found in the text", 1, 0),
            };
            var score = 1.0;
            if (name.Kind == NameKind.Child) HitScoring.Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
            var agreement = HitScoring.Country(_options, entity, ctx, seg.Index, ref score, features);
            return new Hit(name, entity, [new PartMatch(seg.Index, at, at + name.Cjk.Length, [], Chars: true)], score, features, agreement);
        }
        return null;
    }
}
