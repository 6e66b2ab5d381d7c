using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ResearchSecurity.Screening.Index;

/// <summary>
/// Lucene.NET backend: one document per name form, one untokenised term per canonical word (the engine has already
/// normalised them), queried as a disjunction ranked by Lucene's classic TF-IDF.
/// <para>
/// Searches are answered by <see cref="ClassicDisjunctionRanker"/>: the same postings Lucene writes, in arrays, ranked
/// with Lucene's own arithmetic (the same ids in the same order as <see cref="IndexSearcher"/>, which a test checks),
/// without Lucene's per-query objects. The Lucene index itself is written only where it is kept, on disk at
/// <c>path</c>; an index in RAM that no search reads was most of the build time, so none is made without a path.
/// </para>
/// </summary>
public sealed class LuceneCandidateIndex(string? path = null) : ICandidateIndex
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TermField = "t";
    private const string IdField = "id";

    private LuceneDirectory? _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private ClassicDisjunctionRanker? _ranker;
    private int[] _docToId = [];

    /// <summary>Also write the Lucene index when there is no path (in RAM): for comparing with Lucene's own search.</summary>
    internal bool WriteLuceneIndexInMemory { get; init; }

    public void Build(IEnumerable<IndexedName> names)
    {
        var documents = names.Select(n => (n.Id, Terms: n.Terms.Distinct(StringComparer.Ordinal).ToArray())).ToArray();
        _docToId = [.. documents.Select(d => d.Id)];
        _ranker = ClassicDisjunctionRanker.FromDocuments([.. documents.Select(d => d.Terms)]);
        if (path is not null || WriteLuceneIndexInMemory) WriteLuceneIndex(documents);
    }

    public IReadOnlyList<int> Search(IReadOnlyCollection<string> terms, int maxCandidates)
    {
        if (_ranker is null) throw new InvalidOperationException("Build the index first.");
        var docs = _ranker.Top(terms, maxCandidates);
        for (var i = 0; i < docs.Length; i++) docs[i] = _docToId[docs[i]];
        return docs;
    }

    /// <summary>
    /// The same search through Lucene's <see cref="IndexSearcher"/> on the written index, ids read from its stored field:
    /// the reference the ranker and its document numbering are tested against.
    /// </summary>
    internal IReadOnlyList<int> SearchWithIndexSearcher(IReadOnlyCollection<string> terms, int maxCandidates)
    {
        if (_searcher is null || _reader is null) throw new InvalidOperationException("Build the index with a Lucene copy first.");
        if (terms.Count == 0) return [];
        var query = new BooleanQuery(disableCoord: false);
        foreach (var t in terms.Take(BooleanQuery.MaxClauseCount)) query.Add(new TermQuery(new Term(TermField, t)), Occur.SHOULD);
        var top = _searcher.Search(query, maxCandidates);
        var ids = new int[top.ScoreDocs.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = _reader.Document(top.ScoreDocs[i].Doc).GetField(IdField).GetInt32Value() ?? -1;
        return ids;
    }

    private void WriteLuceneIndex((int Id, string[] Terms)[] documents)
    {
        _directory = path is null ? new RAMDirectory() : FSDirectory.Open(new DirectoryInfo(path));
        // No compound file and no forced merge: the index is kept, not searched, so rewriting it once more buys nothing.
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64, UseCompoundFile = false,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Field instances are reused from document to document (Lucene's own advice): a new StringField builds a
            // new token stream with its attributes, which was most of the time spent adding a name.
            var idField = new StoredField(IdField, 0);
            var termFields = new List<StringField>();
            foreach (var (id, terms) in documents)
            {
                idField.SetInt32Value(id);
                var doc = new Document { idField };
                for (var k = 0; k < terms.Length; k++)
                {
                    if (k == termFields.Count) termFields.Add(new StringField(TermField, terms[k], Field.Store.NO));
                    termFields[k].SetStringValue(terms[k]);
                    doc.Add(termFields[k]);
                }
                writer.AddDocument(doc);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory?.Dispose();
    }
}
