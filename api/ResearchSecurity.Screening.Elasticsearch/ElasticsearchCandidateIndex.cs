using System.Text.Json.Serialization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport.Products.Elasticsearch;
using ResearchSecurity.Screening.Index;

namespace ResearchSecurity.Screening.Elasticsearch;

/// <summary>
/// Elasticsearch backend of the candidate index, for deployments that share one index across many workers.
/// Same contract as the embedded Lucene.NET index: one document per name form with its canonical words as
/// untokenised keywords, queried as a disjunction of term queries ranked by BM25. Scoring and explanations stay in
/// the engine, so both backends give the same hits for the same candidates.
/// </summary>
public sealed class ElasticsearchCandidateIndex(ElasticsearchClient client, string indexName) : ICandidateIndex
{
    private const int BulkSize = 5000;
    private bool _built;

    /// <summary>Uses an index another process has already built (workers share one index; one of them builds it).</summary>
    public static ElasticsearchCandidateIndex Attach(ElasticsearchClient client, string indexName) => new(client, indexName) { _built = true };

    /// <summary>The document stored per name form.</summary>
    public sealed record NameDocument([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("t")] IReadOnlyCollection<string> Terms);

    public void Build(IEnumerable<IndexedName> names)
    {
        client.Indices.Delete(indexName); // a missing index answers 404, which is fine here
        var created = client.Indices.Create(new Elastic.Clients.Elasticsearch.IndexManagement.CreateIndexRequest(indexName)
        {
            Mappings = Mappings(),
            Settings = new Elastic.Clients.Elasticsearch.IndexManagement.IndexSettings { NumberOfShards = 1, NumberOfReplicas = 0 },
        });
        ThrowIfFailed(created, "create index");

        foreach (var chunk in names.Select(n => new NameDocument(n.Id, n.Terms.Distinct().ToArray())).Chunk(BulkSize))
        {
            var bulk = client.Bulk(new BulkRequest(indexName) { Operations = [.. chunk.Select(d => new BulkIndexOperation<NameDocument>(d) { Id = d.Id.ToString() })] });
            ThrowIfFailed(bulk, "bulk index");
            if (bulk.Errors) throw new InvalidOperationException($"Elasticsearch rejected {bulk.ItemsWithErrors.Count()} documents while building '{indexName}'.");
        }
        ThrowIfFailed(client.Indices.Refresh(indexName), "refresh");
        _built = true;
    }

    public IReadOnlyList<int> Search(IReadOnlyCollection<string> terms, int maxCandidates)
    {
        if (!_built) throw new InvalidOperationException("Build the index first.");
        if (terms.Count == 0) return [];
        var response = client.Search<NameDocument>(BuildSearch(indexName, terms, maxCandidates));
        ThrowIfFailed(response, "search");
        return response.Hits.Where(h => h.Source is not null).Select(h => h.Source!.Id).ToList();
    }

    /// <summary>The search request (public so its shape can be tested offline).</summary>
    public static SearchRequest BuildSearch(string indexName, IReadOnlyCollection<string> terms, int maxCandidates) => new(indexName)
    {
        Size = maxCandidates,
        Query = new BoolQuery { Should = [.. terms.Distinct().Select(t => (Query)new TermQuery { Field = "t", Value = t })] },
    };

    public static TypeMapping Mappings() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { "id", new IntegerNumberProperty() },
            { "t", new KeywordProperty() },
        },
    };

    public void Dispose()
    {
        // The client is shared and owned by the caller.
    }

    private static void ThrowIfFailed(ElasticsearchResponse response, string what)
    {
        if (!response.IsValidResponse && response.ApiCallDetails.HttpStatusCode != 404)
            throw new InvalidOperationException($"Elasticsearch {what} failed: {response.ElasticsearchServerError?.ToString() ?? response.DebugInformation}");
    }
}
