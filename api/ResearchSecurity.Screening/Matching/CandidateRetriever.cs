using System.Collections.Frozen;
using ResearchSecurity.Screening.Index;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Finds the name forms worth scoring for a text: index terms (words, typo neighbours, abbreviation targets, glued and
/// adjacent pairs; words too common to discriminate are left out), acronyms written in capitals, and Chinese names
/// contained in the text's Chinese characters. Also records the text's words (<see cref="TextWords"/>) for <see cref="Plausible"/>.
/// </summary>
internal sealed class CandidateRetriever
{
    private readonly ICandidateIndex _index;
    private readonly TokenStats _stats;
    private readonly ScreeningOptions _options;
    private readonly FrozenDictionary<string, int[]> _acronyms;
    private readonly CompiledName[] _cjkNames;
    private readonly int _maxQueryDf;
    private readonly NameWords _nameWords;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _documentFrequency;

    public CandidateRetriever(ICandidateIndex index, TokenStats stats, ScreeningOptions options, CompiledName[] names)
    {
        _index = index;
        _stats = stats;
        _options = options;
        _maxQueryDf = Math.Max(50, (int)(stats.DocumentCount * options.MaxQueryTermShare));
        _acronyms = names.Where(n => n.Acronym is not null).GroupBy(n => n.Acronym!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => n.Id).ToArray(), StringComparer.Ordinal);
        _cjkNames = names.Where(n => n.Cjk.Length >= 3).ToArray();
        _nameWords = new NameWords(names);
        _documentFrequency = stats.DocumentFrequencyBySpan;
        _index.Build(names.Where(n => n.Parts.Length > 0).Select(n => new IndexedName(n.Id, n.IndexTerms.ToArray())));
    }

    public IEnumerable<int> Candidates(Context ctx)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var words = new TextWords(_nameWords.Count);
        var related = new List<string>();
        Span<char> buffer = stackalloc char[128];
        foreach (var seg in ctx.Segments)
        {
            var toks = seg.Tokens;
            for (var i = 0; i < toks.Count; i++)
            {
                var text = toks[i].Text;
                AddTerm(terms, text);
                words.Add(_nameWords.Find(text));
                related.Clear();
                _stats.AddTypoNeighbours(text, related);
                foreach (var n in related)
                {
                    AddTerm(terms, n);
                    words.Add(_nameWords.Find(n));
                }
                if (toks[i].Unknown)
                {
                    related.Clear();
                    _stats.AddContractionTargets(text, related);
                    foreach (var n in related)
                    {
                        AddTerm(terms, n);
                        words.Add(_nameWords.Find(n));
                    }
                }
                if (i + 1 < toks.Count)
                {
                    // The glued and the paired forms of two adjacent words, looked up without building strings: only
                    // forms some listed name has can matter.
                    var next = toks[i + 1].Text;
                    var length = text.Length + next.Length + 1;
                    var joined = length <= buffer.Length ? buffer[..length] : new char[length];
                    text.AsSpan().CopyTo(joined);
                    next.AsSpan().CopyTo(joined[text.Length..]);
                    var glued = joined[..^1];
                    AddTerm(terms, glued);
                    words.Add(_nameWords.Find(glued));
                    joined[text.Length] = '_'; // CompiledName.Pair
                    next.AsSpan().CopyTo(joined[(text.Length + 1)..]);
                    AddTerm(terms, joined);
                }
            }
        }
        ctx.Words = words;
        var result = new HashSet<int>(_index.Search(terms, _options.MaxCandidates));
        foreach (var word in ctx.UpperWords)
            if (_acronyms.TryGetValue(word, out var ids)) result.UnionWith(ids);
        if (ctx.HasCjk)
            foreach (var n in _cjkNames)
                foreach (var seg in ctx.Segments)
                    if (seg.Cjk.Contains(n.Cjk, StringComparison.Ordinal))
                    {
                        result.Add(n.Id);
                        break;
                    }
        return result;
    }

    /// <summary>See <see cref="NameWords.Plausible"/>; needs <see cref="Candidates"/> to have recorded the text's words.</summary>
    public bool Plausible(CompiledName name, Context ctx) =>
        _nameWords.Plausible(name, ctx.Words ?? throw new InvalidOperationException("Collect candidates first."));

    private void AddTerm(HashSet<string> terms, string t)
    {
        if (_stats.DocumentFrequency.TryGetValue(t, out var df) && df <= _maxQueryDf) terms.Add(t);
    }

    /// <summary>As above for a form written in a buffer; the set gets the listed word's own string.</summary>
    private void AddTerm(HashSet<string> terms, ReadOnlySpan<char> t)
    {
        if (_documentFrequency.TryGetValue(t, out var listed, out var df) && df <= _maxQueryDf) terms.Add(listed);
    }
}
