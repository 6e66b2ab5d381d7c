using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Turns the scored candidates of one text into the reported hits: group parents (weaker, path shown) and twins on other
/// lists are added, a hit inside a longer listed name's span is dropped, one hit per entity, threshold applied.
/// </summary>
internal sealed class HitResolver(WatchlistEntity[] entities, EntityFacts facts, GroupParents groups, ScreeningOptions options, ExplanationBuilder explanations)
{
    private readonly WatchlistEntity[] _entities = entities;
    private readonly EntityFacts _facts = facts;
    private readonly GroupParents _groups = groups;
    private readonly ScreeningOptions _options = options;
    private readonly ExplanationBuilder _explanations = explanations;

    public IReadOnlyList<ScreeningMatch> Resolve(List<Hit> hits, Context ctx, DateOnly asOf)
    {
        // A group member (subsidiary, laboratory, institute the lists record under a parent) is also a weaker hit on
        // the parent, with the path shown; never the other way round.
        // A parent on the member's own list is not raised: that list has listed the member itself, the alert is on it,
        // and its explanation carries the ownership path.
        foreach (var h in hits.Where(h => h.Name.EntityIndex >= 0).ToArray())
            foreach (var (parent, depth, path) in _groups.Ancestors(h.Name.EntityIndex))
            {
                if (_entities[parent].ListId == h.Entity.ListId) continue;
                var score = h.Score * Math.Pow(_options.ChildFactor, depth);
                // Added even when the parent was also found directly: a direct hit inside the member's span ("BGI" of "BGI
                // Genomics") is dropped below, this one is not; one hit per entity is kept in the end.
                hits.Add(h with
                {
                    Entity = _entities[parent],
                    Score = score,
                    Features = [.. h.Features, new FeatureContribution("group member", path, Math.Round(Math.Pow(_options.ChildFactor, depth), 4), Math.Round(score - h.Score, 4))],
                    GroupPath = path,
                });
            }
        foreach (var h in hits.Where(h => h.Name.EntityIndex >= 0).ToArray())
            foreach (var t in _facts.Twins[h.Name.EntityIndex])
                if (!hits.Any(o => ReferenceEquals(o.Entity, _entities[t])))
                    hits.Add(h with
                    {
                        Entity = _entities[t],
                        Features = [.. h.Features, new FeatureContribution("same institution", $"matched via {h.Entity.ListId}: {h.Entity.Name}", 1, 0)],
                    });
        // The longer listed name wins: drop a hit whose text span lies strictly inside another entity's span.
        var kept = new List<Hit>(hits.Count);
        foreach (var h in hits)
            if (!InsideAnother(h, hits)) kept.Add(h);
        var min = Math.Min(_options.AlertThreshold, _options.ReturnBelowThresholdDownTo ?? _options.AlertThreshold);
        return kept.Where(h => h.Score >= min)
            .GroupBy(Key) // one hit per listed entity, even if a list was loaded twice (edition files of one dataset)
            .Select(g => g.OrderByDescending(h => h.Score).ThenBy(h => h.Name.Kind).First())
            .OrderByDescending(h => h.Score)
            .Select(h => _explanations.ToMatch(h, ctx, asOf))
            .ToList();
    }

    private static (string, string) Key(Hit h) => (h.Entity.ListId, h.Entity.EntityId);

    /// <summary>Whether another entity's strong-enough hit has a span strictly containing one of <paramref name="h"/>'s.</summary>
    private bool InsideAnother(Hit h, List<Hit> hits)
    {
        foreach (var o in hits)
        {
            if (o.Score < _options.AlertThreshold * 0.8 || Key(o) == Key(h)) continue;
            foreach (var os in o.Spans)
                foreach (var hs in h.Spans)
                    if (os.Contains(hs)) return true;
        }
        return false;
    }
}
