using Elastic.Clients.Elasticsearch;
using ResearchSecurity.Screening.Index;

namespace ResearchSecurity.Screening.Elasticsearch.Tests;

/// <summary>Runs only when RS_ELASTICSEARCH_URL points at a server; otherwise each test reports itself as skipped, with why.</summary>
public sealed class ElasticsearchFactAttribute : FactAttribute
{
    public static string? Url => Environment.GetEnvironmentVariable("RS_ELASTICSEARCH_URL");

    public ElasticsearchFactAttribute()
    {
        if (string.IsNullOrEmpty(Url))
            Skip = "SKIPPED: Elasticsearch conformance needs a server; set RS_ELASTICSEARCH_URL (e.g. http://localhost:9200) to run it.";
    }
}

/// <summary>
/// The candidate-index contract (the same behaviour the Lucene.NET backend's tests pin down), against a real
/// Elasticsearch server.
/// </summary>
public sealed class ConformanceTests : IDisposable
{
    private readonly string _indexName = $"rs-conformance-{Guid.NewGuid():N}";
    private readonly ElasticsearchClient? _client =
        ElasticsearchFactAttribute.Url is { Length: > 0 } url ? new ElasticsearchClient(new Uri(url)) : null;

    private ICandidateIndex Build()
    {
        var index = new ElasticsearchCandidateIndex(_client!, _indexName);
        index.Build(
        [
            new IndexedName(10, ["harbin", "engineering", "university", "harbin_engineering", "engineering_university"]),
            new IndexedName(11, ["harbin", "institute", "technology", "harbin_institute", "institute_technology"]),
            new IndexedName(12, ["tianjin", "university", "tianjin_university"]),
        ]);
        return index;
    }

    [ElasticsearchFact]
    public void Search_SharedRareWords_RanksBestNameFirst()
    {
        using var index = Build();
        Assert.Equal(10, index.Search(["harbin", "engineering", "university", "harbin_engineering"], 10)[0]);
    }

    [ElasticsearchFact]
    public void Search_NoSharedWord_ReturnsNothing()
    {
        using var index = Build();
        Assert.Empty(index.Search(["northwestern", "polytechnic"], 10));
    }

    [ElasticsearchFact]
    public void Search_MaxCandidates_LimitsResult()
    {
        using var index = Build();
        Assert.Single(index.Search(["university", "harbin", "tianjin"], 1));
    }

    public void Dispose() => _client?.Indices.Delete(_indexName);
}
