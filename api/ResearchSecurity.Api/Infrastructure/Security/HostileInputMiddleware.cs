using Microsoft.AspNetCore.Http.Extensions;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// The same text rule as <see cref="SafeStringJsonConverter"/> for what does not arrive as JSON: the decoded path
/// (route values such as ids), query parameters and url-encoded form fields. One place, before any handler or query
/// runs, answering 400 ProblemDetails naming the parameter.
/// </summary>
public sealed class HostileInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (context.Request.Path.Value is { } path && UnsafeText.FindProblem(path) is { } pathProblem) errors["path"] = [pathProblem];
        foreach (var (key, values) in context.Request.Query) Check(key, values, errors);
        if (context.Request.HasFormContentType && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            foreach (var (key, values) in form) Check(key, values, errors);
        }
        if (errors.Count > 0)
        {
            await TypedResults.ValidationProblem(errors, title: "The request contains characters that are not allowed").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static void Check(string key, Microsoft.Extensions.Primitives.StringValues values, Dictionary<string, string[]> errors)
    {
        var name = UnsafeText.FindProblem(key) is null ? key : "query";
        if (UnsafeText.FindProblem(key) is { } keyProblem) { errors[name] = [keyProblem]; return; }
        foreach (var value in values)
            if (value is not null && UnsafeText.FindProblem(value) is { } problem) { errors[name] = [problem]; return; }
    }
}
