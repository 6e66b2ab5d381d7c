using System.Text.Json;
using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Index;
using ResearchSecurity.Screening.Matching;
using ResearchSecurity.Screening.Tests.Support;

namespace ResearchSecurity.Screening.Tests.Index;

/// <summary>
/// The ranker answers searches in place of Lucene's IndexSearcher, so the two must agree exactly — the same ids in the
/// same order, ties and the cut at maxCandidates included — on the queries the engine really asks (every development
/// text) and on random disjunctions of listed words.
/// </summary>
public sealed class ClassicDisjunctionRankerTests
{
    [Fact]
    public void Search_EngineQueriesOverDevelopmentLists_EqualsIndexSearcher()
    {
        var lucene = new LuceneCandidateIndex { WriteLuceneIndexInMemory = true };
        var recording = new RecordingIndex(lucene);
        var lists = EngineFixture.ListFiles.Select(f =>
        {
            using var s = File.OpenRead(SharedData.Watchlist(f));
            return WatchlistImport.Import(s, Path.GetFileName(f), ImportMode.Strict).List!;
        }).ToList();
        using var engine = ScreeningEngine.Build(lists, new ScreeningOptions(), recording);
        foreach (var line in File.ReadLines(SharedData.Affiliations("ror-springer-2023.labels.jsonl")).Where(l => l.Length > 0))
            engine.Screen(JsonDocument.Parse(line).RootElement.GetProperty("affiliation").GetString()!);
        Assert.True(recording.Queries.Count > 2000);

        var vocabulary = recording.Names.SelectMany(n => n.Terms).Distinct().Order(StringComparer.Ordinal).ToArray();
        var random = new Random(7);
        var randomQueries = Enumerable.Range(0, 2000)
            .Select(_ => (IReadOnlyCollection<string>)Enumerable.Range(0, random.Next(1, 40)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToHashSet());
        var compared = 0;
        foreach (var terms in recording.Queries.Concat(randomQueries))
            foreach (var n in new[] { 1, 7, 50, 200 })
            {
                Assert.Equal(lucene.SearchWithIndexSearcher(terms, n), lucene.Search(terms, n));
                compared++;
            }
        Assert.True(compared > 16_000);
    }

    [Fact]
    public void Search_TermsNoNameHas_CountTowardsTheQueryLikeLucene()
    {
        using var lucene = new LuceneCandidateIndex { WriteLuceneIndexInMemory = true };
        lucene.Build(
        [
            new IndexedName(1, ["alpha", "beta"]),
            new IndexedName(2, ["alpha", "gamma", "delta"]),
            new IndexedName(3, ["gamma"]),
        ]);
        string[][] queries = [["gamma", "unknown"], ["alpha", "gamma", "delta", "unknown", "other"], ["unknown"], ["beta", "gamma"]];
        foreach (var q in queries)
            Assert.Equal(lucene.SearchWithIndexSearcher(q, 10), lucene.Search(q, 10));
    }

    [Fact]
    public void Build_WithPath_WritesALuceneIndexOnDiskThatRanksAlike()
    {
        var dir = Directory.CreateTempSubdirectory("rs-index-");
        try
        {
            using (var lucene = new LuceneCandidateIndex(dir.FullName))
            {
                lucene.Build(
                [
                    new IndexedName(5, ["harbin", "engineering", "university"]),
                    new IndexedName(3, ["harbin", "institute", "technology"]),
                    new IndexedName(9, ["tianjin", "university"]),
                ]);
                string[] query = ["harbin", "university", "technology"];
                Assert.Equal(lucene.SearchWithIndexSearcher(query, 10), lucene.Search(query, 10));
                Assert.Equal([3, 5, 9], lucene.Search(query, 10).Order());
            }
            Assert.NotEmpty(dir.GetFiles());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Passes everything through and keeps what the engine indexed and asked.</summary>
    private sealed class RecordingIndex(ICandidateIndex inner) : ICandidateIndex
    {
        public List<IndexedName> Names { get; } = [];
        public List<IReadOnlyCollection<string>> Queries { get; } = [];

        public void Build(IEnumerable<IndexedName> names)
        {
            Names.AddRange(names);
            inner.Build(Names);
        }

        public IReadOnlyList<int> Search(IReadOnlyCollection<string> terms, int maxCandidates)
        {
            Queries.Add(terms.ToList());
            return inner.Search(terms, maxCandidates);
        }

        public void Dispose() => inner.Dispose();
    }
}
