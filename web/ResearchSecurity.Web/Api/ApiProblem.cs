using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ResearchSecurity.Web.Api;

/// <summary>An RFC 7807 answer from the API: title, detail and, for validation problems, the errors per field.</summary>
public sealed record ApiProblem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray()
                        : [field.Value.ToString()];
            return new ApiProblem(Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(null, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The API refused a call. Pages put validation errors on their fields; the page filter turns 401/403/404 into pages.</summary>
public sealed class ApiException(HttpStatusCode status, ApiProblem problem)
    : Exception($"API answered {(int)status}: {problem.Title} {problem.Detail}")
{
    public HttpStatusCode Status { get; } = status;
    public ApiProblem Problem { get; } = problem;

    public bool IsValidation => Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity && Problem.Errors.Count > 0;
}

public static class ApiProblemModelState
{
    /// <summary>
    /// Puts each API error on the form field it names: "partners[0].country" lands on "{prefix}.Partners[0].Country",
    /// because the page's form model mirrors the request body. Errors without a field go to the summary ("").
    /// </summary>
    public static void AddApiErrors(this ModelStateDictionary modelState, ApiException error, string prefix = "Input",
        params Infrastructure.Forms.RowMap[] rows)
    {
        if (error.Problem.Errors.Count == 0)
        {
            modelState.AddModelError(string.Empty, Describe(error));
            return;
        }
        foreach (var (field, messages) in error.Problem.Errors)
            foreach (var message in messages)
                modelState.AddModelError(FieldKey(rows.Aggregate(field, (f, map) => map.Rewrite(f)), prefix), message);
    }

    public static string FieldKey(string apiField, string prefix)
    {
        if (string.IsNullOrEmpty(apiField) || apiField == "body") return string.Empty;
        var segments = apiField.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]);
        var path = string.Join('.', segments);
        return string.IsNullOrEmpty(prefix) ? path : $"{prefix}.{path}";
    }

    public static string Describe(ApiException error) => error.Status switch
    {
        HttpStatusCode.PreconditionFailed => "Someone changed this record while you were editing it. Reload the page and apply your change again.",
        HttpStatusCode.Conflict => error.Problem.Detail ?? error.Problem.Title ?? "That is not possible in the record's current state.",
        HttpStatusCode.TooManyRequests => "Too many requests; wait a moment and try again.",
        _ => error.Problem.Detail ?? error.Problem.Title ?? $"The request was refused ({(int)error.Status}).",
    };
}
