using Lucene.Net.Search;

namespace ResearchSecurity.Screening.Index;

/// <summary>
/// Answers the one query shape the engine asks — a disjunction (all clauses SHOULD, coord on) of untokenised terms in
/// one field — from postings held in arrays, with Lucene 4.8's own classic TF-IDF arithmetic, so the ranking is bit for
/// bit what <see cref="IndexSearcher"/> returns over the same documents (a test compares the two on every development
/// text). Why: per query, Lucene builds a query, term weights, a 2,048-bucket score table and a 200-slot priority queue
/// prefilled with sentinel objects; that was about 40% of a screening call for a text that shares words with ~50 names.
/// <para>
/// The arithmetic, as in Lucene.Net 4.8 (<c>DefaultSimilarity</c>, <c>BooleanWeight</c>, <c>BooleanScorer</c>):
/// idf = (float)(ln(maxDoc / (df + 1)) + 1); queryNorm = (float)(1 / sqrt(Σ idf²)) over all clauses (float sum, in
/// clause order); a clause's score = (idf · queryNorm) · idf (float; tf is 1 and norms are omitted for untokenised
/// fields); a document's score = (float)(Σ clause scores (double) · coord), coord = overlap / clauses (float; 1 for one
/// clause). Ties go to the lower document number.
/// </para>
/// </summary>
internal sealed class ClassicDisjunctionRanker
{
    private readonly Dictionary<string, int[]> _postings;
    private readonly int _maxDoc;

    [ThreadStatic] private static Scratch? t_scratch;

    private ClassicDisjunctionRanker(Dictionary<string, int[]> postings, int maxDoc)
    {
        _postings = postings;
        _maxDoc = maxDoc;
    }

    /// <summary>
    /// Postings of documents numbered in the order given (as Lucene numbers documents added one by one to a new index),
    /// each document's terms counted once (as an untokenised field with repeated values is).
    /// </summary>
    public static ClassicDisjunctionRanker FromDocuments(IReadOnlyList<string[]> termsByDocument)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < termsByDocument.Count; d++)
            foreach (var term in termsByDocument[d].Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(d);
            }
        return new ClassicDisjunctionRanker(postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), termsByDocument.Count);
    }

    /// <summary>Document numbers of the best <paramref name="n"/> matches, best first, as IndexSearcher would rank them.</summary>
    public int[] Top(IReadOnlyCollection<string> terms, int n)
    {
        var clauseCount = Math.Min(terms.Count, BooleanQuery.MaxClauseCount);
        if (clauseCount == 0 || n <= 0) return [];
        var scratch = t_scratch is { } s && s.Score.Length >= _maxDoc ? s : t_scratch = new Scratch(_maxDoc);
        var docsOf = new int[]?[clauseCount];
        var idf = new float[clauseCount];
        var sumOfSquares = 0f;
        var c = 0;
        foreach (var term in terms)
        {
            if (c == clauseCount) break;
            docsOf[c] = _postings.GetValueOrDefault(term);
            idf[c] = (float)(Math.Log(_maxDoc / (double)((docsOf[c]?.Length ?? 0) + 1)) + 1.0);
            var queryWeight = idf[c] * 1f; // boost 1
            sumOfSquares += queryWeight * queryWeight;
            c++;
        }
        var queryNorm = (float)(1.0 / Math.Sqrt(sumOfSquares));
        if (float.IsInfinity(queryNorm) || float.IsNaN(queryNorm)) queryNorm = 1f;

        // BooleanScorer keeps its sub-scorers in a list built by prepending: the last clause adds first.
        var touched = 0;
        for (var k = clauseCount - 1; k >= 0; k--)
        {
            if (docsOf[k] is not { } docs) continue;
            var clauseScore = idf[k] * queryNorm * idf[k];
            foreach (var d in docs)
            {
                if (scratch.Overlap[d]++ == 0)
                {
                    scratch.Score[d] = clauseScore;
                    scratch.Touched[touched++] = d;
                }
                else scratch.Score[d] += clauseScore;
            }
        }

        // Few documents match as a rule (about fifty over the real lists): sort them all. Over large lists a common word
        // matches thousands, and only the best n are kept, in a heap whose top is the worst kept.
        var ranked = new (float Score, int Doc)[Math.Min(n, touched)];
        var kept = 0;
        PriorityQueue<int, (float Score, int Doc)>? best = touched > n ? new(n + 1, WorseFirst.Instance) : null;
        for (var i = 0; i < touched; i++)
        {
            var d = scratch.Touched[i];
            var coord = clauseCount == 1 ? 1f : scratch.Overlap[d] / (float)clauseCount;
            var hit = ((float)(scratch.Score[d] * coord), d);
            scratch.Overlap[d] = 0; // leave the scratch clean for the next query on this thread
            if (best is null) ranked[kept++] = hit;
            else if (best.Count < n) best.Enqueue(d, hit);
            else if (WorseFirst.Instance.Compare(PeekPriority(best), hit) < 0) best.EnqueueDequeue(d, hit);
        }
        if (best is not null)
            while (best.TryDequeue(out _, out var hit)) ranked[kept++] = hit;
        Array.Sort(ranked, static (a, b) => WorseFirst.Instance.Compare(b, a));
        var result = new int[ranked.Length];
        for (var i = 0; i < result.Length; i++) result[i] = ranked[i].Doc;
        return result;
    }

    private static (float Score, int Doc) PeekPriority(PriorityQueue<int, (float Score, int Doc)> queue) =>
        queue.TryPeek(out _, out var priority) ? priority : default;

    /// <summary>Lucene's order of hits reversed: a lower score is worse, and at equal scores the higher document number.</summary>
    private sealed class WorseFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }

    /// <summary>Per-thread accumulators sized to the index, reset after each query (only the documents it touched).</summary>
    private sealed class Scratch(int maxDoc)
    {
        public readonly double[] Score = new double[maxDoc];
        public readonly int[] Overlap = new int[maxDoc];
        public readonly int[] Touched = new int[maxDoc];
    }
}
