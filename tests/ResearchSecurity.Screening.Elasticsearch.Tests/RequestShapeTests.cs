using System.Text;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using ResearchSecurity.Screening.Elasticsearch;

namespace ResearchSecurity.Screening.Elasticsearch.Tests;

/// <summary>
/// Offline: what the Elasticsearch backend sends and how it reads answers, captured with the client's in-memory
/// invoker (no server needed). The product header is required, or the client refuses the canned answer.
/// </summary>
public sealed class RequestShapeTests
{
    private const string SearchAnswer = """
        {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":2,"relation":"eq"},"max_score":2.1,"hits":[
           {"_index":"rs-names","_id":"10","_score":2.1,"_source":{"id":10,"t":["harbin","engineering","university"]}},
           {"_index":"rs-names","_id":"11","_score":0.7,"_source":{"id":11,"t":["harbin","institute","technology"]}}]}}
        """;

    private static ElasticsearchClient ClientAnswering(string json)
    {
        var invoker = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(json), 200, null, "application/json",
            new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] });
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://localhost:9200")), invoker).DisableDirectStreaming();
        return new ElasticsearchClient(settings);
    }

    [Fact]
    public void Search_Terms_SendsBoolShouldOfKeywordTermQueriesAndReadsIdsInRankOrder()
    {
        var client = ClientAnswering(SearchAnswer);
        var index = ElasticsearchCandidateIndex.Attach(client, "rs-names");

        var ids = index.Search(["harbin", "engineering", "harbin_engineering"], 25);

        Assert.Equal([10, 11], ids);
        var request = client.Search<ElasticsearchCandidateIndex.NameDocument>(ElasticsearchCandidateIndex.BuildSearch("rs-names", ["harbin", "engineering"], 25));
        Assert.Equal("/rs-names/_search", request.ApiCallDetails.Uri!.AbsolutePath);
        using var body = JsonDocument.Parse(request.ApiCallDetails.RequestBodyInBytes!);
        Assert.Equal(25, body.RootElement.GetProperty("size").GetInt32());
        var should = body.RootElement.GetProperty("query").GetProperty("bool").GetProperty("should");
        Assert.Equal(2, should.GetArrayLength());
        Assert.Equal("harbin", should[0].GetProperty("term").GetProperty("t").GetProperty("value").GetString());
    }

    [Fact]
    public void Mappings_AreStrictWithKeywordTermsAndIntegerId()
    {
        var client = ClientAnswering("{}");
        using var stream = new MemoryStream();
        client.RequestResponseSerializer.Serialize(ElasticsearchCandidateIndex.Mappings(), stream);
        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("strict", doc.RootElement.GetProperty("dynamic").GetString());
        Assert.Equal("keyword", doc.RootElement.GetProperty("properties").GetProperty("t").GetProperty("type").GetString());
        Assert.Equal("integer", doc.RootElement.GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
    }

    [Fact]
    public void Search_EmptyTerms_SendsNothing()
    {
        var index = ElasticsearchCandidateIndex.Attach(ClientAnswering("not json: a request would fail"), "rs-names");
        Assert.Empty(index.Search([], 10));
    }

    [Fact]
    public void Search_BeforeBuildOrAttach_Throws()
    {
        using var index = new ElasticsearchCandidateIndex(ClientAnswering(SearchAnswer), "rs-names");
        Assert.Throws<InvalidOperationException>(() => index.Search(["harbin"], 1));
    }
}
