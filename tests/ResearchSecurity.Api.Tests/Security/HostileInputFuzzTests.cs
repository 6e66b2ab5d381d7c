using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>Its own host and database, so the row counts it compares belong to it alone.</summary>
public sealed class FuzzApiFactory : ApiFactory;

/// <summary>
/// Sends a corpus of hostile values to every write operation of the OpenAPI document (each body property, nested
/// items included, each path parameter), as a caller holding every role so the policies let each request reach its
/// validator. No answer may be a server error and no row may be stored.
/// </summary>
public sealed class HostileInputFuzzTests(FuzzApiFactory api, ITestOutputHelper output) : IClassFixture<FuzzApiFactory>
{
    private static readonly JsonNode?[] HostileValues =
    [
        "nul\u0000inside",
        "lone \uD800 surrogate",
        "\uDC00 low surrogate first",
        "bidi \u202Eoverride",
        "isolate \u2066x\u2069",
        "bell\u0007 escape\u001B",
        new string('x', 100_000),
        new string('\u4E2D', 100_000),
        -1, 0, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue,
        JsonValue.Create(79228162514264337593543950335m),
        JsonNode.Parse("1e400"),
        JsonNode.Parse("-1e400"),
        JsonNode.Parse("0.0000001"),
        true,
        new JsonObject { ["nested"] = new JsonArray("x") },
        new JsonArray(1, "two", null),
        null,
    ];

    // NUL in a path never reaches the app: Kestrel refuses it (400) and the test server will not even send it.
    private static readonly string[] HostilePathValues = ["a%07b", "a%1Bb", "%E2%80%AE", new string('x', 5000), "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000"];

    [Fact]
    public async Task EveryWriteEndpoint_HostileValues_NoServerErrorAndNothingStored()
    {
        var client = api.ClientFor(ApiFactory.NewUser("fuzz"), Roles.All.ToArray());
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var before = await CountRowsAsync();

        var sent = 0;
        var operations = 0;
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete")) continue;
                operations++;
                var bodySchema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                var multipart = operation["requestBody"]?["content"]?["multipart/form-data"] is not null;
                foreach (var request in Requests(path, bodySchema, schemas, multipart))
                {
                    using var message = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), request.Url) { Content = request.Content };
                    message.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    message.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                    using var response = await client.SendAsync(message);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method.ToUpperInvariant()} {request.Url} [{request.Label}] → {(int)response.StatusCode} {Clip(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        var after = await CountRowsAsync();
        output.WriteLine($"fuzz: {operations} write operations, {sent} requests, {failures.Count} server errors");
        Assert.True(operations >= 20, $"Only {operations} write operations found in the OpenAPI document.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(before, after);
    }

    private sealed record FuzzRequest(string Url, HttpContent? Content, string Label);

    private static IEnumerable<FuzzRequest> Requests(string path, JsonNode? bodySchema, JsonObject? schemas, bool multipart)
    {
        var url = FillPath(path, "00000000-0000-0000-0000-000000000001");
        foreach (var hostile in path.Contains('{') ? HostilePathValues : [])
            yield return new FuzzRequest(FillPath(path, hostile), Body(Sample(bodySchema, schemas, 0)), $"path={Clip(hostile)}");
        if (multipart)
        {
            foreach (var name in new[] { "nul\u0000.csv", "../../etc/passwd", new string('x', 5000) + ".xlsx" })
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent("PK\u0003\u0004garbage"u8.ToArray());
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                // Raw header: HttpClient would refuse to format a hostile file name itself.
                file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{name}\"");
                form.Add(file);
                yield return new FuzzRequest(url, form, $"file name {Clip(name)}");
            }
            yield return new FuzzRequest(url + "?mode=%00", new MultipartFormDataContent(), "mode=NUL");
        }
        if (bodySchema is null) yield break;
        var baseline = Sample(bodySchema, schemas, 0);
        yield return new FuzzRequest(url, new StringContent("{\"a\":", Encoding.UTF8, "application/json"), "truncated JSON");
        yield return new FuzzRequest(url, new StringContent(new string('[', 5000), Encoding.UTF8, "application/json"), "deep nesting");
        foreach (var hostile in HostileValues)
            yield return new FuzzRequest(url, Body(hostile?.DeepClone()), $"whole body = {Label(hostile)}");
        foreach (var (pointer, _) in Leaves(baseline, ""))
        {
            foreach (var hostile in HostileValues)
            {
                var body = baseline?.DeepClone();
                Set(body, pointer, hostile?.DeepClone());
                yield return new FuzzRequest(url, Body(body), $"{pointer} = {Label(hostile)}");
            }
        }
    }

    /// <summary>A body with every property present: strings, numbers, arrays of one item, nested objects.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        if (schema is null || depth > 6) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Sample(schemas?[reference.Split('/').Last()], schemas, depth + 1);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[combinator] is JsonArray options)
                return Sample(options.FirstOrDefault(o => o?["type"]?.ToString() != "null") ?? options.FirstOrDefault(), schemas, depth + 1);
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue t => t.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, schemas, depth + 1)))),
            "array" => new JsonArray(Sample(schema["items"], schemas, depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            "string" when schema["format"]?.ToString() == "uuid" => Guid.NewGuid().ToString(),
            "string" when schema["format"]?.ToString() == "date" => "2027-01-01",
            "string" when schema["format"]?.ToString() == "date-time" => "2027-01-01T00:00:00Z",
            "string" when schema["enum"] is JsonArray values && values.Count > 0 => values[0]?.DeepClone(),
            "string" => "text",
            _ => null,
        };
    }

    private static IEnumerable<(string Pointer, JsonNode? Value)> Leaves(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    yield return ($"{pointer}/{key}", value);
                    if (value is JsonObject or JsonArray) foreach (var leaf in Leaves(value, $"{pointer}/{key}")) yield return leaf;
                }
                break;
            case JsonArray a when a.Count > 0:
                foreach (var leaf in Leaves(a[0], $"{pointer}/0")) yield return leaf;
                break;
        }
    }

    private static void Set(JsonNode? root, string pointer, JsonNode? value)
    {
        var parts = pointer.Trim('/').Split('/');
        var parent = root;
        foreach (var part in parts[..^1]) parent = parent is JsonArray a ? a[int.Parse(part)] : parent?[part];
        if (parent is JsonObject o) o[parts[^1]] = value;
        else if (parent is JsonArray arr) arr[int.Parse(parts[^1])] = value;
    }

    private static string FillPath(string path, string value) =>
        System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", m => m.Value.Contains("number", StringComparison.OrdinalIgnoreCase) ? "1" : value);

    private static StringContent Body(JsonNode? node) => new(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private static string Label(JsonNode? value) => Clip(value?.ToJsonString() ?? "null");

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>Rows in every table of the product's and the identity schema, except the audit trail and Hangfire.</summary>
    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'hangfire')
              AND table_name NOT ILIKE '%audit%' AND table_name NOT ILIKE '%migrations_history%'
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        Assert.NotEmpty(counts);
        return counts;
    }
}
