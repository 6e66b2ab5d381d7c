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
/// normalised them), queried as a disjunction ranked by Lucene's TF-IDF. On disk when a path is given, else in RAM.
/// Searches are answered by <see cref="ClassicDisjunctionRanker"/> from the index's postings with Lucene's own ranking
/// arithmetic (the same ids in the same order as <see cref="IndexSearcher"/>, without its per-query objects).
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

    public void Build(IEnumerable<IndexedName> names)
    {
        _directory = path is null ? new RAMDirectory() : FSDirectory.Open(new DirectoryInfo(path));
        // Searches never go through Lucene's segment structures (see ClassicDisjunctionRanker), so the index is written
        // as flushed: no compound file and no forced merge, which rewrote the whole index a second time.
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
            foreach (var n in names)
            {
                idField.SetInt32Value(n.Id);
                var doc = new Document { idField };
                var k = 0;
                foreach (var t in n.Terms.Distinct())
                {
                    if (k == termFields.Count) termFields.Add(new StringField(TermField, t, Field.Store.NO));
                    termFields[k].SetStringValue(t);
                    doc.Add(termFields[k++]);
                }
                writer.AddDocument(doc);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        // Resolve Lucene doc numbers to our ids once, so searches never touch stored fields.
        _docToId = new int[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++) _docToId[d] = _reader.Document(d).GetField(IdField).GetInt32Value() ?? -1;
        _ranker = ClassicDisjunctionRanker.Load(_reader, TermField);
    }

    public IReadOnlyList<int> Search(IReadOnlyCollection<string> terms, int maxCandidates)
    {
        if (_ranker is null) throw new InvalidOperationException("Build the index first.");
        var docs = _ranker.Top(terms, maxCandidates);
        for (var i = 0; i < docs.Length; i++) docs[i] = _docToId[docs[i]];
        return docs;
    }

    /// <summary>The same search through Lucene's <see cref="IndexSearcher"/>: the reference the ranker is tested against.</summary>
    internal IReadOnlyList<int> SearchWithIndexSearcher(IReadOnlyCollection<string> terms, int maxCandidates)
    {
        if (_searcher is null) throw new InvalidOperationException("Build the index first.");
        if (terms.Count == 0) return [];
        var query = new BooleanQuery(disableCoord: false);
        foreach (var t in terms.Take(BooleanQuery.MaxClauseCount)) query.Add(new TermQuery(new Term(TermField, t)), Occur.SHOULD);
        var top = _searcher.Search(query, maxCandidates);
        var ids = new int[top.ScoreDocs.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = _docToId[top.ScoreDocs[i].Doc];
        return ids;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory?.Dispose();
    }
}
