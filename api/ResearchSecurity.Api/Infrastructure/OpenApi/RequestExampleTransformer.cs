using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Puts an endpoint's <see cref="RequestExampleMetadata"/> on its JSON request body, serialized as the API serializes
/// (null members included: the schema lists every member of a request record as present, nullable or not).
/// </summary>
internal sealed class RequestExampleTransformer(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExampleMetadata>().LastOrDefault() is not { } example)
            return Task.CompletedTask;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) != true || body is null)
            throw new InvalidOperationException($"{operation.OperationId} declares a request example but has no JSON request body.");
        body.Example = JsonSerializer.SerializeToNode(example.Example, example.Example.GetType(), json.Value.SerializerOptions);
        return Task.CompletedTask;
    }
}
