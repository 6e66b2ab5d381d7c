using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using ResearchSecurity.Core.Idempotency;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>
/// Makes a POST with an Idempotency-Key safe to retry. The key row is inserted in the same transaction as the
/// create, so either both commit or neither does; a concurrent retry waits on the key's unique index and then
/// replays the stored answer. Reusing a key for a different body is refused with 422.
/// </summary>
public sealed class IdempotencyFilter(ResearchSecurityDbContext db, CurrentUser user, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [HeaderName] = ["At most 200 characters."] });

        var route = $"{http.Request.Method} {http.Request.Path}";
        var body = context.Arguments.FirstOrDefault(a => a is not null && a.GetType().Name.EndsWith("Request", StringComparison.Ordinal));
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes(route + "\n" + JsonSerializer.Serialize(body, json.Value.SerializerOptions))));

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var record = new IdempotencyRecord
        {
            UserId = user.Id, Key = key, Route = route, RequestHash = requestHash, CreatedAt = db.Clock.GetUtcNow(),
        };
        try
        {
            // Raw insert so a duplicate key fails here, before the handler runs, without poisoning the change tracker.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO idempotency_records (user_id, key, route, request_hash, created_at) VALUES ({record.UserId}, {record.Key}, {record.Route}, {record.RequestHash}, {record.CreatedAt})",
                http.RequestAborted);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            var previous = await db.IdempotencyRecords.AsNoTracking()
                .SingleAsync(r => r.UserId == record.UserId && r.Key == key, http.RequestAborted);
            return Replay(previous, requestHash);
        }

        var result = await next(context);
        // Handlers return Results<A, B>; the answer that matters is the one inside.
        var inner = result;
        while (inner is INestedHttpResult nested) inner = nested.Result;
        if (inner is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            var value = (inner as IValueHttpResult)?.Value;
            var location = inner.GetType().GetProperty("Location")?.GetValue(inner) as string;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE idempotency_records SET status_code = {success.StatusCode}, location = {location}, response_body = {JsonSerializer.Serialize(value, json.Value.SerializerOptions)} WHERE user_id = {record.UserId} AND key = {key}",
                http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
        }
        else
        {
            // A refused request is not remembered: the caller may fix it and retry with the same key.
            await transaction.RollbackAsync(http.RequestAborted);
        }
        return result;
    }

    private static IResult Replay(IdempotencyRecord previous, string requestHash)
    {
        if (previous.RequestHash != requestHash)
            return TypedResults.Problem(title: "Idempotency-Key reused", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        if (previous.StatusCode is null)
            return TypedResults.Problem(title: "Request still in progress", statusCode: StatusCodes.Status409Conflict,
                detail: "A request with this Idempotency-Key is still being processed. Retry shortly.");
        return new ReplayedResult(previous);
    }

    private sealed class ReplayedResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode!.Value;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (record.Location is not null) httpContext.Response.Headers.Location = record.Location;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(record.ResponseBody ?? "null");
        }
    }
}

public static class IdempotencyExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<IdempotencyFilter>()
        .WithMetadata(new OpenApi.IdempotencyKeyMetadata());
}
