using System.Collections.Frozen;
using ResearchSecurity.Screening.Index;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// Finds the name forms worth scoring for a text: index terms (words, typo neighbours, abbreviation targets, glued and
/// adjacent pairs; words too common to discriminate are left out), acronyms written in capitals, and Chinese names
/// contained in the text's Chinese characters. Also records the text's words for <see cref="Plausible"/>.
/// </summary>
internal sealed class CandidateRetriever
{
    private readonly ICandidateIndex _index;
    private readonly TokenStats _stats;
    private readonly ScreeningOptions _options;
    private readonly FrozenDictionary<string, int[]> _acronyms;
    private readonly CompiledName[] _cjkNames;
    private readonly int _maxQueryDf;

    public CandidateRetriever(ICandidateIndex index, TokenStats stats, ScreeningOptions options, CompiledName[] names)
    {
        _index = index;
        _stats = stats;
        _options = options;
        _maxQueryDf = Math.Max(50, (int)(stats.DocumentCount * options.MaxQueryTermShare));
        _acronyms = names.Where(n => n.Acronym is not null).GroupBy(n => n.Acronym!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => n.Id).ToArray(), StringComparer.Ordinal);
        _cjkNames = names.Where(n => n.Cjk.Length >= 3).ToArray();
        _index.Build(names.Where(n => n.Parts.Length > 0).Select(n => new IndexedName(n.Id, n.IndexTerms.ToArray())));
    }

    public IEnumerable<int> Candidates(Context ctx)
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
    public static bool Plausible(CompiledName name, Context ctx)
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
}
