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
        // Matched: the words of the word spans, then the characters of the character spans, then the typo and
        // abbreviation notes, each once, in that order. Unmatched: the primary segment's words no word span covers.
        var matched = new List<string>();
        var seen = new HashSet<string>();
        foreach (var s in h.Spans)
            if (!s.Chars)
            {
                var tokens = ctx.Segments[s.Segment].Tokens;
                for (var i = s.Start; i < Math.Min(s.End, tokens.Count); i++)
                    if (seen.Add(tokens[i].Text)) matched.Add(tokens[i].Text);
            }
        foreach (var s in h.Spans)
            if (s.Chars && ctx.Segments[s.Segment].Cjk.Substring(s.Start, s.End - s.Start) is var chars && seen.Add(chars))
                matched.Add(chars);
        foreach (var s in h.Spans)
            foreach (var f in s.Fuzzy)
                if (seen.Add(f)) matched.Add(f);
        var unmatched = new List<string>();
        for (var i = 0; i < seg.Tokens.Count; i++)
        {
            var covered = false;
            foreach (var s in h.Spans)
                if (!s.Chars && s.Segment == seg.Index && i >= s.Start && i < s.End) covered = true;
            if (!covered) unmatched.Add(seg.Tokens[i].Text);
        }
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
