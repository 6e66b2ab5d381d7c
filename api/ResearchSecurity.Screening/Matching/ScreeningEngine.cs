using System.Collections.Frozen;
using ResearchSecurity.Screening.Index;
using ResearchSecurity.Screening.Model;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Screens free text (affiliations, partner names, funders) against loaded watchlists. Build once, then call
/// <see cref="Screen"/> from any number of threads: everything built here is read-only afterwards.
/// </summary>
public sealed class ScreeningEngine : IDisposable
{
    private readonly ScreeningOptions _options;
    private readonly WatchlistEntity[] _entities;
    private readonly Dictionary<string, string> _listNames;
    private readonly CompiledName[] _names;
    private readonly TokenStats _stats;
    private readonly Tokenizer _tokenizer;
    private readonly ICandidateIndex _index;
    private readonly FrozenDictionary<string, int[]> _acronyms;
    private readonly CompiledName[] _cjkNames;
    private readonly FrozenSet<string>[] _supportWords;
    private readonly string?[] _parentPaths;
    private readonly int _maxQueryDf;
    private readonly int[][] _twins;
    private readonly GroupParents _groups;
    private readonly NameComparer _comparer;

    public ScreeningOptions Options => _options;
    public int EntityCount => _entities.Length;
    public int NameCount => _names.Length;

    private ScreeningEngine(IEnumerable<Watchlist> lists, ScreeningOptions options, ICandidateIndex index)
    {
        _options = options;
        var listArray = lists.ToArray();
        _listNames = listArray.GroupBy(l => l.ListId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        _entities = listArray.SelectMany(l => l.Entities).ToArray();
        var nextId = 0;
        // Ids are positions in _names (duplicate forms are dropped during compilation, so renumber).
        _names = _entities.SelectMany((e, i) => NameCompiler.Compile(e, i, () => nextId++)).Where(NameInformation.CanStandAlone)
            .Select((n, i) => n with { Id = i }).ToArray();
        InternWords(_names);
        _stats = new TokenStats(_names.Where(n => n.Parts.Length > 0).Select(n => n.IndexTerms));
        _tokenizer = new Tokenizer(_stats.Vocabulary);
        _maxQueryDf = Math.Max(50, (int)(_stats.DocumentCount * options.MaxQueryTermShare));
        _acronyms = _names.Where(n => n.Acronym is not null).GroupBy(n => n.Acronym!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => n.Id).ToArray(), StringComparer.Ordinal);
        _cjkNames = _names.Where(n => n.Cjk.Length >= 3).ToArray();
        // Support words are only consulted for acronyms; most entities have none, so skip the allocation for them.
        var withAcronym = _names.Where(n => n.Acronym is not null).Select(n => n.EntityIndex).ToHashSet();
        _supportWords = _entities.Select((e, i) => withAcronym.Contains(i) ? SupportWords(e) : FrozenSet<string>.Empty).ToArray();
        _parentPaths = _entities.Select(ParentPath(listArray)).ToArray();
        _twins = Twins(_entities, _names);
        _groups = GroupParents.Build(_entities, _names);
        _comparer = new NameComparer(_stats, _tokenizer, options);
        _index = index;
        _index.Build(_names.Where(n => n.Parts.Length > 0).Select(n => new IndexedName(n.Id, n.IndexTerms.ToArray())));
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
        foreach (var id in Candidates(ctx))
            if (Plausible(_names[id], ctx) && Evaluate(_names[id], _entities[_names[id].EntityIndex], _supportWords[_names[id].EntityIndex], ctx) is { } hit)
                hits.Add(hit);
        return Finish(hits, ctx, asOf ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary><c>Compare</c>'s decision at <see cref="ScreeningOptions.CompareMatchThreshold"/>.</summary>
    public bool IsSameOrganisation(double compareScore) => compareScore >= _options.CompareMatchThreshold;

    /// <summary>
    /// Scores two organisation names (0..1, symmetric): the larger of their word-weight overlap (<see cref="NameComparer"/>)
    /// and how well each matches the other as a screened text.
    /// </summary>
    public double Compare(string a, string b)
    {
        static WatchlistEntity Temp(string name) => new() { ListId = "compare", EntityId = "compare", Name = name };
        double Directed(string text, string name)
        {
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(name)) return 0;
            var ctx = Context.Create(text, _tokenizer, null);
            var e = Temp(name);
            var id = 0;
            var support = SupportWords(e);
            return NameCompiler.Compile(e, -1, () => id++).Where(NameInformation.CanStandAlone)
                .Select(n => Evaluate(n, e, support, ctx)?.Score ?? 0).DefaultIfEmpty(0).Max();
        }
        return Math.Round(Math.Max(_comparer.Similarity(a, b), Math.Max(Directed(a, b), Directed(b, a))), 4);
    }

    private IEnumerable<int> Candidates(Context ctx)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seg in ctx.Segments)
        {
            var toks = seg.Tokens;
            for (var i = 0; i < toks.Count; i++)
            {
                AddTerm(terms, toks[i].Text);
                ctx.Words.Add(toks[i].Text);
                foreach (var n in _stats.TypoNeighbours(toks[i].Text))
                {
                    AddTerm(terms, n);
                    ctx.Words.Add(n);
                }
                if (toks[i].Unknown)
                    foreach (var n in _stats.ContractionTargets(toks[i].Text))
                    {
                        AddTerm(terms, n);
                        ctx.Words.Add(n);
                    }
                if (i + 1 < toks.Count)
                {
                    AddTerm(terms, toks[i].Text + toks[i + 1].Text);
                    ctx.Words.Add(toks[i].Text + toks[i + 1].Text);
                    AddTerm(terms, CompiledName.Pair(toks[i].Text, toks[i + 1].Text));
                }
            }
        }
        var result = new HashSet<int>(_index.Search(terms, _options.MaxCandidates));
        foreach (var word in ctx.UpperWords)
            if (_acronyms.TryGetValue(word, out var ids)) result.UnionWith(ids);
        if (ctx.HasCjk)
            foreach (var n in _cjkNames)
                if (ctx.Segments.Any(s => s.Cjk.Contains(n.Cjk, StringComparison.Ordinal))) result.Add(n.Id);
        return result;
    }

    /// <summary>
    /// Cheap pre-check before alignment: at most one word of the name may be absent from the text's words (that one may
    /// still be a glued pair, a two-edit typo or a trailing legal form).
    /// </summary>
    private static bool Plausible(CompiledName name, Context ctx)
    {
        if (name.Parts.Length == 0) return true;
        var missing = 0;
        foreach (var part in name.Parts)
            for (var i = 0; i < part.Length; i++)
            {
                var t = part[i];
                if (ctx.Words.Contains(t) || TokenStats.LegalForms.Contains(t) || TokenStats.CompanyWords.Contains(t)) continue;
                if (i + 1 < part.Length && ctx.Words.Contains(t + part[i + 1])) { i++; continue; } // "Jiao Tong" written "Jiaotong"
                if (++missing > 1) return false;
            }
        return true;
    }

    private void AddTerm(HashSet<string> terms, string t)
    {
        if (_stats.DocumentFrequency.TryGetValue(t, out var df) && df <= _maxQueryDf) terms.Add(t);
    }

    private Hit? Evaluate(CompiledName name, WatchlistEntity entity, FrozenSet<string> support, Context ctx)
    {
        if (name.Cjk.Length > 0) return EvaluateCjk(name, entity, ctx);
        if (name.Acronym is not null) return EvaluateAcronym(name, entity, support, ctx);
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
            Apply(ref score, features, "typo", string.Join(", ", fuzzy), 1 - _options.TypoPenalty * share);
        }
        else if (abbreviations.Count == 0) features.Add(new FeatureContribution("name", "all listed words found", 1, 0));
        if (name.Reordered) Apply(ref score, features, "word order", "words found in another order than listed", _options.ReorderedFactor);
        var allGeneric = !name.Parts.SelectMany(p => p).Any(_stats.IsDistinctive);
        if (allGeneric)
        {
            // Specific enough when the rest of its segment is generic too ("PLA Information Engineering University").
            var whole = spans.All(s => ctx.Segments[s.Segment].Tokens.Where((t, i) => i < s.Start || i >= s.End)
                .All(t => !_stats.IsDistinctive(t.Text)));
            if (!whole) Apply(ref score, features, "generic words only", "name made of generic words inside a longer segment", _options.GenericOnlyFactor);
        }
        foreach (var q in name.Qualifiers)
            if (!ctx.Segments.Any(s => SequenceAligner.Find(q, s) is not null))
                Apply(ref score, features, "qualifier", "not in text: " + string.Join(' ', q), _options.MissingQualifierFactor);
        if (name.Kind == NameKind.Child) Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
        var agreement = CountryFeature(entity, ctx, spans[^1].Segment, ref score, features);
        return new Hit(name, entity, spans, score, features, agreement);
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
        return false;
    }

    private Hit? EvaluateCjk(CompiledName name, WatchlistEntity entity, Context ctx)
    {
        foreach (var seg in ctx.Segments)
        {
            var at = seg.Cjk.IndexOf(name.Cjk, StringComparison.Ordinal);
            if (at < 0) continue;
            var folded = seg.Raw.Any(c => TextNormalizer.IsCjk(c) && ScriptFolding.Fold(c) != c);
            var features = new List<FeatureContribution>
            {
                new("chinese script", folded ? "listed Chinese name found, Traditional characters folded to Simplified" : "listed Chinese name found in the text", 1, 0),
            };
            var score = 1.0;
            if (name.Kind == NameKind.Child) Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
            var agreement = CountryFeature(entity, ctx, seg.Index, ref score, features);
            return new Hit(name, entity, [new PartMatch(seg.Index, at, at + name.Cjk.Length, [], Chars: true)], score, features, agreement);
        }
        return null;
    }

    private Hit? EvaluateAcronym(CompiledName name, WatchlistEntity entity, FrozenSet<string> support, Context ctx)
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
            Apply(ref score, features, "acronym support", "no other word of the entity's names or address in the text", _options.UnsupportedAcronymFactor);
        else features.Add(new FeatureContribution("acronym support", string.Join(", ", supporting), 1, 0));
        if (name.Kind == NameKind.Child) Apply(ref score, features, "child name", name.ChildPath ?? "", _options.ChildFactor);
        var agreement = CountryFeature(entity, ctx, seg.Index, ref score, features);
        var at = seg.Tokens.ToList().FindIndex(t => t.Text == acr);
        return new Hit(name, entity, [new PartMatch(seg.Index, Math.Max(at, 0), Math.Max(at, 0) + 1, [])], score, features, agreement);
    }

    private CountryAgreement CountryFeature(WatchlistEntity entity, Context ctx, int segment, ref double score, List<FeatureContribution> features)
    {
        var (agreement, detail) = ctx.CountryAgreementFor(entity.Countries, ctx.Segments[segment].Clause);
        var factor = agreement switch
        {
            CountryAgreement.Conflicts => _options.CountryConflictFactor,
            CountryAgreement.Unknown => _options.CountryUnknownFactor,
            _ => 1.0,
        };
        Apply(ref score, features, "country", detail, factor);
        return agreement;
    }

    private static void Apply(ref double score, List<FeatureContribution> features, string feature, string detail, double factor)
    {
        var before = score;
        score *= factor;
        features.Add(new FeatureContribution(feature, detail, Math.Round(factor, 4), Math.Round(score - before, 4)));
    }

    /// <summary>One string instance per distinct word: a million listed names share a few thousand words.</summary>
    private static void InternWords(CompiledName[] names)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in names)
            foreach (var arr in n.Parts.Concat(n.Qualifiers))
                for (var i = 0; i < arr.Length; i++)
                {
                    if (pool.TryGetValue(arr[i], out var shared)) arr[i] = shared;
                    else pool[arr[i]] = arr[i];
                }
    }

    /// <summary>
    /// The same institution listed on several lists (same canonical name, or one's canonical name is the other's alias):
    /// an alias, acronym or Chinese name that only one list carries still finds the others.
    /// </summary>
    private static int[][] Twins(WatchlistEntity[] entities, CompiledName[] names)
    {
        static string Key(CompiledName n) => string.Join("/", n.Parts.Select(p => string.Join(' ', p)));
        var canonical = names.Where(n => n.Kind == NameKind.Canonical && n.Parts.Length > 0).GroupBy(n => n.EntityIndex)
            .ToDictionary(g => g.Key, g => Key(g.First()));
        var byKey = names.Where(n => n.Kind is NameKind.Canonical or NameKind.Alias or NameKind.PreviousName && n.Parts.Length > 0)
            .GroupBy(Key).ToDictionary(g => g.Key, g => g.Select(n => n.EntityIndex).Distinct().ToArray());
        var twins = new HashSet<int>[entities.Length];
        for (var i = 0; i < entities.Length; i++) twins[i] = [];
        // Both ways: an entry that lists a subsidiary's name among its aliases is not that subsidiary's twin.
        foreach (var (entity, key) in canonical)
            foreach (var other in byKey.GetValueOrDefault(key, []))
                if (entities[other].ListId != entities[entity].ListId && canonical.TryGetValue(other, out var otherKey) &&
                    byKey.GetValueOrDefault(otherKey, []).Contains(entity))
                {
                    twins[entity].Add(other);
                    twins[other].Add(entity);
                }
        return twins.Select(t => t.ToArray()).ToArray();
    }

    private IReadOnlyList<ScreeningMatch> Finish(List<Hit> hits, Context ctx, DateOnly asOf)
    {
        // A group member (subsidiary, laboratory, institute the lists record under a parent) is also a weaker hit on
        // the parent, with the path shown; never the other way round.
        foreach (var h in hits.Where(h => h.Name.EntityIndex >= 0).ToArray())
            foreach (var (parent, depth, path) in _groups.Ancestors(h.Name.EntityIndex))
            {
                var score = h.Score * Math.Pow(_options.ChildFactor, depth);
                if (hits.Any(o => ReferenceEquals(o.Entity, _entities[parent]) && o.Score >= score)) continue;
                hits.Add(h with
                {
                    Entity = _entities[parent],
                    Score = score,
                    Features = [.. h.Features, new FeatureContribution("group member", path, Math.Round(Math.Pow(_options.ChildFactor, depth), 4), Math.Round(score - h.Score, 4))],
                    GroupPath = path,
                });
            }
        foreach (var h in hits.Where(h => h.Name.EntityIndex >= 0).ToArray())
            foreach (var t in _twins[h.Name.EntityIndex])
                if (!hits.Any(o => ReferenceEquals(o.Entity, _entities[t])))
                    hits.Add(h with
                    {
                        Entity = _entities[t],
                        Features = [.. h.Features, new FeatureContribution("same institution", $"matched via {h.Entity.ListId}: {h.Entity.Name}", 1, 0)],
                    });
        // The longer listed name wins: drop a hit whose text span lies strictly inside another entity's span.
        var kept = hits.Where(h => !hits.Any(o => Key(o) != Key(h) && o.Score >= _options.AlertThreshold * 0.8 &&
                                                  o.Spans.Any(os => h.Spans.Any(os.Contains)))).ToList();
        var min = Math.Min(_options.AlertThreshold, _options.ReturnBelowThresholdDownTo ?? _options.AlertThreshold);
        return kept.Where(h => h.Score >= min)
            .GroupBy(Key) // one hit per listed entity, even if a list was loaded twice (edition files of one dataset)
            .Select(g => g.OrderByDescending(h => h.Score).ThenBy(h => h.Name.Kind).First())
            .OrderByDescending(h => h.Score)
            .Select(h => ToMatch(h, ctx, asOf))
            .ToList();
    }

    private static (string, string) Key(Hit h) => (h.Entity.ListId, h.Entity.EntityId);

    private ScreeningMatch ToMatch(Hit h, Context ctx, DateOnly asOf)
    {
        var primary = h.Spans[^1];
        var seg = ctx.Segments[primary.Segment];
        var inSpan = new HashSet<(int, int)>(h.Spans.Where(s => !s.Chars).SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start).Select(i => (s.Segment, i))));
        var matched = h.Spans.Where(s => !s.Chars).SelectMany(s => ctx.Segments[s.Segment].Tokens.Skip(s.Start).Take(s.End - s.Start).Select(t => t.Text))
            .Concat(h.Spans.Where(s => s.Chars).Select(s => ctx.Segments[s.Segment].Cjk.Substring(s.Start, s.End - s.Start)))
            .Concat(h.Spans.SelectMany(s => s.Fuzzy)).Distinct().ToList();
        var unmatched = seg.Tokens.Select((t, i) => (t, i)).Where(x => !inSpan.Contains((seg.Index, x.i))).Select(x => x.t.Text).ToList();
        var parentPath = h.GroupPath ?? h.Name.ChildPath ?? (h.Name.EntityIndex >= 0 ? _parentPaths[h.Name.EntityIndex] : null);
        var explanation = new ScreeningExplanation
        {
            ListId = h.Entity.ListId,
            ListName = _listNames.GetValueOrDefault(h.Entity.ListId, h.Entity.ListId),
            MatchedNameKind = h.Name.Kind,
            Features = h.Features,
            MatchedTokens = matched,
            UnmatchedTokens = unmatched,
            CountryAgreement = h.Agreement,
            TextCountries = ctx.CountriesOf(seg.Clause),
            EntityCountries = h.Entity.Countries,
            ParentPath = parentPath,
            EntityContentHash = h.Entity.ContentHash,
        };
        return new ScreeningMatch(h.Entity.ListId, h.Entity.EntityId, h.Entity.Name, h.Name.Display, seg.Raw,
            Math.Round(Math.Clamp(h.Score, 0, 1), 4), h.Entity.StatusAt(asOf), explanation);
    }

    private FrozenSet<string> SupportWords(WatchlistEntity e)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { e.Name }.Concat(e.Aliases).Concat(e.PreviousNames).Concat(e.Addresses))
            foreach (var t in Tokenizer.Plain.Tokenize(TextNormalizer.Clean(text)))
                if (t.Text.Length >= 2 && _stats.IsDistinctive(t.Text) && !CountryWords.Contains(t.Text)) words.Add(t.Text);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static string? FirstWord(string name) =>
        Tokenizer.Plain.Tokenize(TextNormalizer.Clean(name)).Select(t => t.Text).FirstOrDefault();

    private static readonly FrozenSet<string> CountryWords = new[] { "china", "people", "republic", "prc", "russia", "iran" }.ToFrozenSet();

    private static Func<WatchlistEntity, string?> ParentPath(Watchlist[] lists)
    {
        var byId = lists.SelectMany(l => l.Entities).GroupBy(e => (e.ListId, e.EntityId)).ToDictionary(g => g.Key, g => g.First());
        return e =>
        {
            if (e.ParentId is null) return null;
            var path = new List<string> { e.Name };
            var current = e;
            var guard = 0;
            while (current.ParentId is not null && guard++ < 10)
            {
                if (!byId.TryGetValue((current.ListId, current.ParentId), out var parent)) { path.Add(current.ParentId); break; }
                path.Add(parent.Name);
                current = parent;
            }
            path.Reverse();
            return string.Join(" > ", path);
        };
    }

    public void Dispose() => _index.Dispose();

    private sealed record Hit(CompiledName Name, WatchlistEntity Entity, List<PartMatch> Spans, double Score,
                              List<FeatureContribution> Features, CountryAgreement Agreement, string? GroupPath = null);
}
