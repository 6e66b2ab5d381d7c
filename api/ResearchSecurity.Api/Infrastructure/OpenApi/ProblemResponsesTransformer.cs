using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Every error an operation can answer, as problem details: the ones the pipeline adds to every call (401/403 when a
/// token is needed, 429 from the per-caller limit), the ones every JSON body can cause (400 malformed, 413 too large,
/// 415 wrong media type), the If-Match and Idempotency-Key answers the endpoint declares (412/428, 409/422), and a
/// problem-details body on the handlers' own bare 4xx results (404, 403), which the status-code pages fill in.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer has no document.");
        var problem = await SchemaAsync<ProblemDetails>(context, document, cancellationToken);
        var validationProblem = await SchemaAsync<HttpValidationProblemDetails>(context, document, cancellationToken);
        var responses = operation.Responses ??= new OpenApiResponses();
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;

        void Add(int status, string description, IOpenApiSchema? schema = null)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (responses.TryGetValue(key, out var existing) && existing is OpenApiResponse { Content.Count: > 0 } declared)
            {
                // Declared by the endpoint (a conflict, a 422): keep its schema, and say every reason it can have.
                declared.Description = declared.Description is { Length: > 0 } d && d != ReasonPhrase(status) && !d.Contains(description, StringComparison.Ordinal)
                    ? $"{d} Or: {description}"
                    : description;
                return;
            }
            responses[key] = new OpenApiResponse
            {
                Description = existing?.Description is { Length: > 0 } d2 && d2 != ReasonPhrase(status) ? d2 : description,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema ?? problem } },
                Headers = status == StatusCodes.Status429TooManyRequests ? RetryAfter() : null,
            };
        }

        // First the handlers' own results: bare ones (NotFound, Forbid) get the body the status-code pages write, and
        // generic reason phrases a description that says what happened here.
        foreach (var (key, response) in responses.ToList())
        {
            if (!key.StartsWith('4') || response is not OpenApiResponse error) continue;
            if (error.Content is null or { Count: 0 })
                error.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } };
            if (error.Description == ReasonPhrase(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)))
                error.Description = DefaultDescription(key) ?? error.Description;
        }
        if (operation.RequestBody is not null)
        {
            Add(StatusCodes.Status400BadRequest, "The request is not valid: each field in error is named in `errors`.", validationProblem);
            Add(StatusCodes.Status413PayloadTooLarge, "The request body is larger than this endpoint accepts.");
            Add(StatusCodes.Status415UnsupportedMediaType, "The request body's media type is not one this endpoint accepts.");
        }
        if (operation.Security is { Count: > 0 })
        {
            Add(StatusCodes.Status401Unauthorized, "No access token, or it is expired, revoked or not for this API.");
            Add(StatusCodes.Status403Forbidden, "The caller's roles (or a client's scopes) do not allow this, or the record is not theirs to change.");
        }
        if (metadata.OfType<IfMatchMetadata>().LastOrDefault() is { } ifMatch)
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = "If-Match", In = ParameterLocation.Header, Required = ifMatch.Required,
                Description = "The ETag of the record as last read; the change is refused if the record changed since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            Add(StatusCodes.Status412PreconditionFailed, "The record changed since the ETag sent in If-Match was read: reload and apply the change again.");
            if (ifMatch.Required) Add(StatusCodes.Status428PreconditionRequired, "If-Match is missing: send the ETag last read.");
        }
        if (metadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName, In = ParameterLocation.Header, Required = false,
                Description = "A key unique to this request (at most 200 characters): a retry with the same key and body returns the first answer.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            Add(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed; retry shortly.");
            Add(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.");
        }
        Add(StatusCodes.Status429TooManyRequests, "This caller has used its requests for the current window; retry after `Retry-After` seconds.");

        // Sorted by status, so the document reads (and diffs) the same whatever order the pieces were added in.
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (key, response) in sorted) responses[key] = response;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string? DefaultDescription(string status) => status switch
    {
        "400" => "The request is not valid: each field in error is named in `errors`.",
        "404" => "No such record, or it is not visible to the caller.",
        "422" => "The uploaded document was read but refused; the detail (and `errors`) say why.",
        "409" => "The record's current state does not allow this (the detail says why).",
        _ => null,
    };

    private static Dictionary<string, IOpenApiHeader> RetryAfter() => new()
    {
        ["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds until the caller may try again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        },
    };

    private static async Task<IOpenApiSchema> SchemaAsync<T>(OpenApiOperationTransformerContext context, OpenApiDocument document, CancellationToken ct)
    {
        var name = typeof(T).Name;
        if (document.Components?.Schemas?.ContainsKey(name) != true)
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(T), null, ct));
        return new OpenApiSchemaReference(name, document);
    }
}
