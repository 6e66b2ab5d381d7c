using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResearchSecurity.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected} but got {(int)response.StatusCode}: {body}");
        // Non-JSON answers (the Hangfire dashboard's HTML) have no JSON body to return.
        var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? true;
        return body.Length == 0 || !json ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 validation answer that names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> ShouldBeValidationError(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.Contains(field), $"Expected an error for '{field}' but got: {string.Join(", ", names)}");
        return problem;
    }

    public static Task<HttpResponseMessage> PutJsonWithETag<T>(this HttpClient client, string url, T body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
