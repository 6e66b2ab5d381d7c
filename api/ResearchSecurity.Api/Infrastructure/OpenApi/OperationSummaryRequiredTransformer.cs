using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Every documented operation says what it does: one without <c>.WithSummary(...)</c> fails the whole document (and
/// so the lint test), rather than shipping an operation a client developer has to guess at.
/// </summary>
internal sealed class OperationSummaryRequiredTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(operation.Summary))
            throw new InvalidOperationException(
                $"{context.Description.HttpMethod} /{context.Description.RelativePath} ({operation.OperationId}) has no summary; add .WithSummary(...) where it is mapped.");
        return Task.CompletedTask;
    }
}
