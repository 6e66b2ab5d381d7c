using System.Net;
using System.Text.Json.Nodes;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Api.Tests.OpenApi;

/// <summary>
/// api/openapi/v1.json is the committed contract: the C# client in tests/ResearchSecurity.Api.ClientTests is generated
/// from it, and a change to the API shows up as a reviewable diff of it. The served document must equal it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ApiFactory api)
{
    public const string UpdateVariable = "RS_OPENAPI_UPDATE";

    public static string ContractPath => Path.Combine(RepositoryPaths.Root, "api", "openapi", "v1.json");

    [Fact]
    public async Task ServedDocument_EqualsTheCommittedContract()
    {
        var response = await api.ClientFor(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Content.ReadAsStringAsync();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ContractPath)!);
            await File.WriteAllTextAsync(ContractPath, served.ReplaceLineEndings("\n").TrimEnd() + "\n");
            return;
        }
        Assert.True(File.Exists(ContractPath), $"{ContractPath} is missing; write it with {UpdateVariable}=1 infra/test.sh --filter OpenApiContract");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath));
        Assert.True(JsonNode.DeepEquals(committed, JsonNode.Parse(served)),
            $"The served OpenAPI document differs from {ContractPath}. If the change is intended, rewrite the contract with "
            + $"{UpdateVariable}=1 infra/test.sh --filter OpenApiContract and commit it (the generated client follows it).");
    }
}
