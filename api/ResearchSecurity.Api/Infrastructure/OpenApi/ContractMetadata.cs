namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>The endpoint checks <c>If-Match</c> against the record's ETag (see <see cref="ETags.Check"/>).</summary>
public sealed record IfMatchMetadata(bool Required);

/// <summary>The endpoint honours <c>Idempotency-Key</c> (see <see cref="IdempotencyFilter"/>).</summary>
public sealed record IdempotencyKeyMetadata;

public static class ContractMetadataExtensions
{
    /// <summary>Documents the If-Match header and its answers: 412 when stale, and 428 when <paramref name="required"/> and absent.</summary>
    public static RouteHandlerBuilder ChecksIfMatch(this RouteHandlerBuilder builder, bool required) =>
        builder.WithMetadata(new IfMatchMetadata(required));

    /// <summary>Documents 409 for a change the record's current state does not allow (a <c>DomainException</c>).</summary>
    public static RouteHandlerBuilder ProducesConflict(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>A request body shown in the document as the operation's example (see <see cref="RequestExampleTransformer"/>).</summary>
public sealed record RequestExampleMetadata(object Example);

/// <summary>
/// A file result carries no type for the OpenAPI document: this declares the 200 with its media type and a binary body
/// (the dossier, the registers, the import template and error workbooks).
/// </summary>
public static class FileResponseExtensions
{
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType) => builder
        .Produces(StatusCodes.Status200OK, typeof(byte[]), contentType)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses?["200"].Content?.Clear();
            operation.Responses?["200"].Content?.Add(contentType,
                new Microsoft.OpenApi.OpenApiMediaType { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" } });
            return Task.CompletedTask;
        });
}

public static class RequestExampleExtensions
{
    /// <summary>A typed example body, so it cannot drift from the request type; serialized as the API serializes.</summary>
    public static RouteHandlerBuilder WithRequestExample<TRequest>(this RouteHandlerBuilder builder, TRequest example) where TRequest : class =>
        builder.WithMetadata(new RequestExampleMetadata(example));
}
