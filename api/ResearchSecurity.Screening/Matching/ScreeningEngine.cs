using ResearchSecurity.Screening.Index;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Screens free text (affiliations, partner names, funders) against loaded watchlists. Build once, then call
/// <see cref="Screen"/> from any number of threads: everything built here is read-only afterwards.
/// The work is split by step: <see cref="NameCompiler"/> and <see cref="NameInformation"/> (name forms),
/// <see cref="EntityFacts"/> and <see cref="GroupParents"/> (per-entity precomputation), <see cref="CandidateRetriever"/>,
/// the scorers (<see cref="LatinNameScorer"/>, <see cref="CjkNameScorer"/>, <see cref="AcronymScorer"/>),
/// <see cref="HitResolver"/> and <see cref="ExplanationBuilder"/>; <see cref="NameComparer"/> for <see cref="Compare"/>.
/// </summary>
public sealed class ScreeningEngine : IDisposable
{
    private readonly ScreeningOptions _options;
    private readonly WatchlistEntity[] _entities;
    private readonly CompiledName[] _names;
    private readonly Tokenizer _tokenizer;
    private readonly ICandidateIndex _index;
    private readonly EntityFacts _facts;
    private readonly CandidateRetriever _candidates;
    private readonly LatinNameScorer _latin;
    private readonly CjkNameScorer _cjk;
    private readonly AcronymScorer _acronym;
    private readonly HitResolver _resolver;
    private readonly NameComparer _comparer;

    public ScreeningOptions Options => _options;
    public int EntityCount => _entities.Length;
    public int NameCount => _names.Length;

    private ScreeningEngine(IEnumerable<Watchlist> lists, ScreeningOptions options, ICandidateIndex index)
    {
        _options = options;
        var listArray = lists.ToArray();
        var listNames = listArray.GroupBy(l => l.ListId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        _entities = listArray.SelectMany(l => l.Entities).ToArray();
        var nextId = 0;
        // Ids are positions in _names (duplicate and low-information forms are dropped during compilation, so renumber).
        _names = _entities.SelectMany((e, i) => NameCompiler.Compile(e, i, () => nextId++)).Where(NameInformation.CanStandAlone)
            .Select((n, i) => n with { Id = i }).ToArray();
        EntityFacts.InternWords(_names);
        var stats = new TokenStats(_names.Where(n => n.Parts.Length > 0).Select(n => n.IndexTerms));
        _tokenizer = new Tokenizer(stats.Vocabulary, stats.HasTypoNeighbour,
            new VariantResolver(stats.DocumentFrequency.Select(p => (p.Key, p.Value)), stats.IsDistinctive));
        _facts = new EntityFacts(listArray, _entities, _names, stats);
        _latin = new LatinNameScorer(stats, options);
        _cjk = new CjkNameScorer(options);
        _acronym = new AcronymScorer(options);
        _resolver = new HitResolver(_entities, _facts, GroupParents.Build(_entities, _names), options, new ExplanationBuilder(listNames, _facts));
        _comparer = new NameComparer(stats, _tokenizer, options);
        _index = index;
        _candidates = new CandidateRetriever(index, stats, options, _names);
    }

    /// <summary>Builds the engine and its index (Lucene.NET on disk at <paramref name="indexPath"/>, or in memory).</summary>
    public static ScreeningEngine Build(IEnumerable<Watchlist> lists, ScreeningOptions? options = null, string? indexPath = null) =>
        new(lists, options ?? new ScreeningOptions(), new LuceneCandidateIndex(indexPath));

    /// <summary>Builds the engine over another candidate index backend (e.g. Elasticsearch).</summary>
    public static ScreeningEngine Build(IEnumerable<Watchlist> lists, ScreeningOptions options, ICandidateIndex index) =>
        new(lists, options, index);

    /// <summary>
    /// Screens one text. <paramref name="asOf"/> decides active vs historical (default: today, UTC);
    /// <paramref name="countryHint"/> (ISO alpha-2) is used as country evidence when the text names none.
    /// Returns hits at or above the alert threshold (see <see cref="ScreeningOptions"/>), best first.
    /// </summary>
    public IReadOnlyList<ScreeningMatch> Screen(string text, DateOnly? asOf = null, string? countryHint = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var ctx = Context.Create(text, _tokenizer, countryHint);
        var hits = new List<Hit>();
        foreach (var id in _candidates.Candidates(ctx))
        {
            var name = _names[id];
            if (_candidates.Plausible(name, ctx) && Score(name, _entities[name.EntityIndex], ctx) is { } hit) hits.Add(hit);
        }
        // Most texts have no hit: they need neither the clock nor the resolver.
        return hits.Count == 0 ? [] : _resolver.Resolve(hits, ctx, asOf ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    private Hit? Score(CompiledName name, WatchlistEntity entity, Context ctx)
    {
        if (name.Cjk.Length > 0) return _cjk.Score(name, entity, ctx);
        if (name.Acronym is not null) return _acronym.Score(name, entity, _facts.Support[name.EntityIndex], ctx);
        return _latin.Score(name, entity, ctx);
    }

    /// <summary><c>Compare</c>'s decision at <see cref="ScreeningOptions.CompareMatchThreshold"/>.</summary>
    public bool IsSameOrganisation(double compareScore) => compareScore >= _options.CompareMatchThreshold;

    /// <summary>
    /// Scores two organisation names (0..1, symmetric) with <see cref="NameComparer"/>. Unlike <see cref="Screen"/>, a
    /// name found inside a longer one is no match: "Xidian University" inside "Defense S&amp;T Key Laboratory ... at Xidian
    /// University" names a laboratory of it, not it.
    /// </summary>
    public double Compare(string a, string b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) ? 0 : Math.Round(_comparer.Similarity(a, b), 4);

    public void Dispose() => _index.Dispose();
}
