using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResearchSecurity.Web.Api;

// Administrator calls: watchlists (register, upload, versions, diff, activate), jobs, users and roles.
public sealed partial class ApiClient
{
    public Task<WatchlistResponse> GetWatchlistAsync(string id, CancellationToken ct = default) =>
        GetAsync<WatchlistResponse>($"api/v1/watchlists/{Uri.EscapeDataString(id)}", ct);

    public Task<WatchlistResponse> RegisterWatchlistAsync(RegisterWatchlistRequest request, CancellationToken ct = default) =>
        SendAsync<WatchlistResponse>(HttpMethod.Post, "api/v1/watchlists", request, ct);

    public Task<IReadOnlyList<ListVersionResponse>> ListVersionsAsync(string id, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ListVersionResponse>>($"api/v1/watchlists/{Uri.EscapeDataString(id)}/versions", ct);

    public Task<ListVersionResponse> GetListVersionAsync(string id, int number, CancellationToken ct = default) =>
        GetAsync<ListVersionResponse>($"api/v1/watchlists/{Uri.EscapeDataString(id)}/versions/{number}", ct);

    public Task<VersionDiff> DiffListVersionAsync(string id, int number, int? against, CancellationToken ct = default) =>
        GetAsync<VersionDiff>(Query($"api/v1/watchlists/{Uri.EscapeDataString(id)}/versions/{number}/diff", ("against", against?.ToString())), ct);

    /// <summary>Puts the version in force; the answer is the re-screen job it queued.</summary>
    public Task<JobResponse> ActivateListVersionAsync(string id, int number, CancellationToken ct = default) =>
        SendAsync<JobResponse>(HttpMethod.Post, $"api/v1/watchlists/{Uri.EscapeDataString(id)}/versions/{number}/activate", null, ct);

    /// <summary>
    /// Sends the file as multipart field "file". A refused file (422) is an outcome, not an error: its row errors are
    /// what the administrator needs to see.
    /// </summary>
    public async Task<ListUploadOutcome> UploadListVersionAsync(string id, Stream file, string fileName, bool lenient, CancellationToken ct = default)
    {
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        using var response = await http.PostAsync(Query($"api/v1/watchlists/{Uri.EscapeDataString(id)}/versions", ("mode", lenient ? "lenient" : null)), form, ct);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            return new ListUploadOutcome(null, false, RowErrors(body), ApiProblem.Parse(body).Detail);
        }
        var version = await ReadAsync<ListVersionResponse>(response, ct);
        return new ListUploadOutcome(version, response.StatusCode == HttpStatusCode.OK, version.ImportErrors, null);
    }

    public Task<JobResponse> GetJobAsync(Guid id, CancellationToken ct = default) => GetAsync<JobResponse>($"api/v1/jobs/{id}", ct);

    // Users and roles
    public Task<PagedList<UserResponse>> ListUsersAsync(int page = 1, int pageSize = 20, string? q = null, string? role = null, CancellationToken ct = default) =>
        GetAsync<PagedList<UserResponse>>(Query("api/v1/users", ("page", page.ToString()), ("pageSize", pageSize.ToString()), ("q", q), ("role", role)), ct);

    public Task<UserResponse> CreateUserAsync(CreateUserRequest request, CancellationToken ct = default) =>
        SendAsync<UserResponse>(HttpMethod.Post, "api/v1/users", request, ct);

    public Task<UserResponse> SetUserRolesAsync(string id, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        SendAsync<UserResponse>(HttpMethod.Put, $"api/v1/users/{Uri.EscapeDataString(id)}/roles", new { roles }, ct);

    public Task LockUserAsync(string id, bool locked, CancellationToken ct = default) =>
        SendWithoutAnswerAsync(HttpMethod.Post, $"api/v1/users/{Uri.EscapeDataString(id)}/{(locked ? "lock" : "unlock")}", ct);

    private async Task SendWithoutAnswerAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, ct);
    }

    /// <summary>The 422 answer's "errors" extension: an array of {row, field, reason}.</summary>
    private static IReadOnlyList<ImportError> RowErrors(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? errors.Deserialize<List<ImportError>>(Json) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
