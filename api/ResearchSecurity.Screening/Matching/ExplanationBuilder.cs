using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>Builds the reported <see cref="ScreeningMatch"/> and its <see cref="ScreeningExplanation"/> from a hit.</summary>
internal sealed class ExplanationBuilder(IReadOnlyDictionary<string, string> listNames, EntityFacts facts)
{
    /// <summary>
    /// Content hashes of the engine's entities, by reference: a SHA-256 over every name per reported hit was a tenth of the
    /// cost of a text with hits, and the engine's entities do not change after build (a <c>with</c> copy is another key).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Model.WatchlistEntity, string> _contentHashes =
        new(ReferenceEqualityComparer.Instance);

    public ScreeningMatch ToMatch(Hit h, Context ctx, DateOnly asOf)
    {
        var primary = h.Spans[^1];
        var seg = ctx.Segments[primary.Segment];
        var inSpan = new HashSet<(int, int)>(h.Spans.Where(s => !s.Chars).SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start).Select(i => (s.Segment, i))));
        var matched = h.Spans.Where(s => !s.Chars).SelectMany(s => ctx.Segments[s.Segment].Tokens.Skip(s.Start).Take(s.End - s.Start).Select(t => t.Text))
            .Concat(h.Spans.Where(s => s.Chars).Select(s => ctx.Segments[s.Segment].Cjk.Substring(s.Start, s.End - s.Start)))
            .Concat(h.Spans.SelectMany(s => s.Fuzzy)).Distinct().ToList();
        var unmatched = seg.Tokens.Select((t, i) => (t, i)).Where(x => !inSpan.Contains((seg.Index, x.i))).Select(x => x.t.Text).ToList();
        var parentPath = h.GroupPath ?? h.Name.ChildPath ?? (h.Name.EntityIndex >= 0 ? facts.ParentPaths[h.Name.EntityIndex] : null);
        var explanation = new ScreeningExplanation
        {
            ListId = h.Entity.ListId,
            ListName = listNames.GetValueOrDefault(h.Entity.ListId, h.Entity.ListId),
            MatchedNameKind = h.Name.Kind,
            Features = h.Features,
            MatchedTokens = matched,
            UnmatchedTokens = unmatched,
            CountryAgreement = h.Agreement,
            TextCountries = ctx.CountriesOf(seg.Clause),
            EntityCountries = h.Entity.Countries,
            ParentPath = parentPath,
            EntityContentHash = _contentHashes.GetOrAdd(h.Entity, static e => e.ContentHash),
        };
        return new ScreeningMatch(h.Entity.ListId, h.Entity.EntityId, h.Entity.Name, h.Name.Display, seg.Raw,
            Math.Round(Math.Clamp(h.Score, 0, 1), 4), h.Entity.StatusAt(asOf), explanation);
    }
}
