namespace ResearchSecurity.Api.Infrastructure;

/// <summary>
/// Refuses bodies over the configured limit up front with a ProblemDetails 413. Kestrel enforces the same limit on
/// streamed bodies; this also covers hosts without Kestrel's limit (the test server) and gives a readable reason.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Endpoints that take files (list uploads) declare their own limit as metadata.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await TypedResults.Problem(
                title: "Request body too large",
                detail: $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
