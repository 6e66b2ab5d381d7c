using System.Collections.Frozen;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Scores an acronym form ("NUDT"): only with support — other words of the entity's names or address, an institutional
/// e-mail or web domain under its country code, or the acronym standing alone with the country named.
/// </summary>
internal sealed class AcronymScorer(ScreeningOptions options)
{
    private readonly ScreeningOptions _options = options;

    public Hit? Score(CompiledName name, WatchlistEntity entity, FrozenSet<string> support, Context ctx)
    {
        if (!ctx.UpperWords.Contains(name.Acronym!)) return null;
        var seg = ctx.Segments.FirstOrDefault(s => s.Tokens.Any(t => t.Text == name.Acronym!.ToLowerInvariant())) ?? ctx.Segments[0];
        var features = new List<FeatureContribution>();
        var score = _options.AcronymBase;
        features.Add(new FeatureContribution("acronym", name.Acronym!, _options.AcronymBase, Math.Round(_options.AcronymBase - 1, 4)));
        var acr = name.Acronym!.ToLowerInvariant();
        var supporting = ctx.Segments.SelectMany(s => s.Tokens).Select(t => t.Text).Where(t => t != acr && support.Contains(t)).Distinct().ToList();
        // A brand that heads the listed name ("BGI" of "BGI Group") is the name itself, not an ambiguous acronym.
        if (support.Contains(acr) && FirstWord(entity.Name) == acr) supporting.Add("listed name starts with " + name.Acronym);
        // An institutional e-mail or web domain under the entity's country code (li@nudt.edu.cn) names the institution.
        if (ctx.DomainAcronyms.TryGetValue(name.Acronym!, out var cc) && cc is not null && entity.Countries.Contains(cc))
            supporting.Add($"e-mail/web domain under .{cc}");
        // Named by its acronym alone ("..., UESTC, Chengdu, China"): the acronym is the organisation in this text.
        if (supporting.Count == 0 && seg.Tokens.Count == 1 && ctx.HasExplicitCountry(seg.Clause, entity.Countries))
            supporting.Add("acronym stands alone as an organisation, country named");
        if (supporting.Count == 0)
            HitScoring.Apply(ref score, features, "acronym support", "no other word of the entity's names or address in the text", _options.UnsupportedAcronymFactor);
        else features.Add(new FeatureContribution("acronym support", string.Join(", ", supporting), 1, 0));
        if (name.Kind == NameKind.Child) HitScoring.Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
        var agreement = HitScoring.Country(_options, entity, ctx, seg.Index, ref score, features);
        var at = seg.Tokens.ToList().FindIndex(t => t.Text == acr);
        return new Hit(name, entity, [new PartMatch(seg.Index, Math.Max(at, 0), Math.Max(at, 0) + 1, [])], score, features, agreement);
    }

    private static string? FirstWord(string name) =>
        Tokenizer.Plain.Tokenize(TextNormalizer.Clean(name)).Select(t => t.Text).FirstOrDefault();
}
