using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Scores a Latin-script name form: each part found as a contiguous run in one segment (<see cref="SequenceAligner"/>),
/// boundary rules, typo and abbreviation evidence, word order, generic-only names, missing qualifiers, child names, country.
/// </summary>
internal sealed class LatinNameScorer(TokenStats stats, ScreeningOptions options)
{
    private readonly TokenStats _stats = stats;
    private readonly ScreeningOptions _options = options;

    public Hit? Score(CompiledName name, WatchlistEntity entity, Context ctx)
    {
        var spans = new List<PartMatch>(name.Parts.Length);
        foreach (var part in name.Parts)
        {
            PartMatch? found = null;
            foreach (var seg in ctx.Segments)
            {
                var m = SequenceAligner.Find(part, seg);
                if (m is null || BreaksBoundary(part, seg, m, name.Reordered)) continue;
                found = m;
                break;
            }
            if (found is null) return null;
            spans.Add(found);
        }
        var features = new List<FeatureContribution>();
        var score = 1.0;
        LanguageFeatures(spans, ctx, features, ref score);
        var abbreviations = spans.SelectMany(s => s.Fuzzy).Where(f => f.Contains(SequenceAligner.AbbreviationMark)).ToList();
        if (abbreviations.Count > 0) features.Add(new FeatureContribution("abbreviation", string.Join(", ", abbreviations), 1, 0));
        var fuzzy = spans.SelectMany(s => s.Fuzzy).Where(f => f.Contains(SequenceAligner.TypoMark)).ToList();
        var total = name.Parts.SelectMany(p => p).Sum(_stats.Weight);
        if (fuzzy.Count > 0)
        {
            var typoWords = fuzzy.Select(f => f[..f.IndexOf(SequenceAligner.TypoMark)]).ToList();
            // A misspelt generic word ("Univeristy") is still that word; a typo in a distinctive word is only believable
            // next to an exact distinctive word ("Hangzhao Dianzi"), never alone, and never in a two-word name ("Inner Monoglia").
            var exactDistinctive = name.Parts.SelectMany(p => p).Where(t => !typoWords.Contains(t) && _stats.IsDistinctive(t)).Any();
            var distinctiveTypo = typoWords.Any(_stats.IsDistinctive);
            if (!exactDistinctive || (distinctiveTypo && name.Parts.Sum(p => p.Length) < 3)) return null;
            var share = typoWords.Sum(_stats.Weight) / Math.Max(total, 1e-9);
            HitScoring.Apply(ref score, features, "typo", string.Join(", ", fuzzy), 1 - _options.TypoPenalty * share);
        }
        else if (abbreviations.Count == 0) features.Add(new FeatureContribution("name", "all listed words found", 1, 0));
        if (name.Reordered) HitScoring.Apply(ref score, features, "word order", "words found in another order than listed", _options.ReorderedFactor);
        var allGeneric = !name.Parts.SelectMany(p => p).Any(_stats.IsDistinctive);
        if (allGeneric)
        {
            // Specific enough when the rest of its segment is generic too ("PLA Information Engineering University").
            var whole = spans.All(s => ctx.Segments[s.Segment].Tokens.Where((t, i) => i < s.Start || i >= s.End)
                .All(t => !_stats.IsDistinctive(t.Text)));
            if (!whole) HitScoring.Apply(ref score, features, "generic words only", "name made of generic words inside a longer segment", _options.GenericOnlyFactor);
        }
        foreach (var q in name.Qualifiers)
            if (!ctx.Segments.Any(s => SequenceAligner.Find(q, s) is not null))
                HitScoring.Apply(ref score, features, "qualifier", "not in text: " + string.Join(' ', q), _options.MissingQualifierFactor);
        if (name.Kind == NameKind.Child) HitScoring.Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
        var agreement = HitScoring.Country(_options, entity, ctx, spans[^1].Segment, ref score, features);
        return new Hit(name, entity, spans, score, features, agreement);
    }

    /// <summary>Says which transliteration, translation, romanisation variant or word order made the match.</summary>
    private void LanguageFeatures(List<PartMatch> spans, Context ctx, List<FeatureContribution> features, ref double score)
    {
        if (!FromOtherLanguage(spans, ctx)) return; // written in English: nothing to say, nothing to allocate per candidate
        var tokens = spans.SelectMany(s => ctx.Segments[s.Segment].Tokens.Skip(s.Start).Take(s.End - s.Start)).ToList();
        foreach (var script in tokens.Select(t => t.Script).OfType<string>().Distinct())
            features.Add(new FeatureContribution("transliterated",
                $"{script}, {Transliteration.Standards.GetValueOrDefault(script, "ICU")}: " +
                string.Join(", ", tokens.Where(t => t.Script == script).Select(t => t.Written).Distinct()), 1, 0));
        var translated = tokens.Where(t => t.Origin == TokenOrigin.Translated).Select(t => t.Written).Distinct().ToList();
        if (translated.Count > 0)
            features.Add(new FeatureContribution("translated", "generic words: " + string.Join(", ",
                translated.Select(w => w + " = " + string.Join(' ', tokens.Where(t => t.Origin == TokenOrigin.Translated && t.Written == w).Select(t => t.Text)))), 1, 0));
        var variants = tokens.Where(t => t.Origin == TokenOrigin.Variant).Select(t => $"{t.Written} = {t.Text}").Distinct().ToList();
        if (variants.Count > 0)
            HitScoring.Apply(ref score, features, "romanisation variant", string.Join(", ", variants), _options.RomanisationVariantFactor);
        if (spans.Any(s => ctx.Segments[s.Segment].Reordered))
            features.Add(new FeatureContribution("word order", "read in the order English names are written (eponym or Persian name first)", 1, 0));
    }

    private static bool FromOtherLanguage(List<PartMatch> spans, Context ctx)
    {
        foreach (var s in spans)
        {
            var seg = ctx.Segments[s.Segment];
            if (seg.Reordered) return true;
            for (var i = s.Start; i < s.End; i++)
                if (seg.Tokens[i].Script is not null || seg.Tokens[i].Origin != TokenOrigin.AsWritten) return true;
        }
        return false;
    }

    // "Tianjin University | of Technology" names another university; "South | China University ...", "National | Sun Yat-sen
    // University" (Kaohsiung) and "National | Tsing Hua University" (Hsinchu) too.
    private static bool BreaksBoundary(string[] part, Segment seg, PartMatch m, bool reordered)
    {
        var toks = seg.Tokens;
        // "University of Tsinghua" needs its "of": "Fudan University Shanghai Cancer Center" is not "University of Shanghai".
        if (reordered && Lexicon.OrgTypeWords.Contains(part[0]) && (m.Start + 1 >= toks.Count || !toks[m.Start + 1].AfterOf)) return true;
        if (m.End < toks.Count && toks[m.End].AfterOf && Lexicon.OrgTypeWords.Contains(part[^1]) && !(m.End == toks.Count - 1 && CountryDetector.IsCountryWord(toks[m.End].Text))) return true;
        if (m.Start > 0 && Lexicon.NameModifiers.Contains(toks[m.Start - 1].Text) && !toks[m.Start - 1].AfterOf) return true;
        // "Tianjin Univ Technol" (Web of Science style, "of" left out) is Tianjin University of Technology too.
        if (m.End < toks.Count && Lexicon.OrgTypeWords.Contains(part[^1]) && Lexicon.SubjectWords.Contains(toks[m.End].Text)) return true;
        return false;
    }
}
