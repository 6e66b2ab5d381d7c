using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>Turns the exceptions that mean "your request was wrong or stale" into RFC 7807 answers.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            DomainException e => TypedResults.Problem(title: "Conflict with the record's current state", detail: e.Message,
                statusCode: StatusCodes.Status409Conflict),
            DbUpdateConcurrencyException => TypedResults.Problem(title: "The record was changed by someone else",
                detail: "Reload it and apply your change to the current version.", statusCode: StatusCodes.Status412PreconditionFailed),
            BadHttpRequestException { InnerException: JsonException json } => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [JsonPath(json.Path)] = [$"The value is not valid here: {FirstLine(json.Message)}"] },
                title: "The request body is not valid JSON for this endpoint"),
            BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge => TypedResults.Problem(
                title: "Request body too large", detail: e.Message, statusCode: e.StatusCode),
            BadHttpRequestException e => TypedResults.Problem(title: "Bad request", detail: e.Message, statusCode: e.StatusCode),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled exception");
            return false;
        }
        await result.ExecuteAsync(context);
        return true;
    }

    // "$.partners[0].role" -> "partners[0].role": the same key style the validators use.
    private static string JsonPath(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
