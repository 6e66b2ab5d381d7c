using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Web.Api;

/// <summary>
/// The one typed client of the API. Every call carries the signed-in user's access token (see
/// <see cref="BearerTokenHandler"/>); a refusal becomes an <see cref="ApiException"/> with the API's ProblemDetails.
/// </summary>
public sealed partial class ApiClient(HttpClient http, IMemoryCache cache, IOptions<Infrastructure.WebOptions> options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // Proposals
    public Task<PagedList<ProposalSummary>> ListProposalsAsync(int page = 1, int pageSize = 20, ProposalStatus? status = null, string? q = null,
        string? sort = null, CancellationToken ct = default) =>
        GetAsync<PagedList<ProposalSummary>>(Query("api/v1/proposals", ("page", page.ToString()), ("pageSize", pageSize.ToString()),
            ("status", status?.ToString()), ("q", q), ("sort", sort)), ct);

    public Task<ProposalResponse> GetProposalAsync(Guid id, CancellationToken ct = default) => GetAsync<ProposalResponse>($"api/v1/proposals/{id}", ct);

    public Task<ProposalResponse> CreateProposalAsync(ProposalRequest request, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<ProposalResponse>(HttpMethod.Post, "api/v1/proposals", request, ct, idempotencyKey: idempotencyKey);

    public Task<ProposalResponse> UpdateProposalAsync(Guid id, string etag, ProposalRequest request, CancellationToken ct = default) =>
        SendAsync<ProposalResponse>(HttpMethod.Put, $"api/v1/proposals/{id}", request, ct, etag);

    public Task<ProposalResponse> SubmitProposalAsync(Guid id, string etag, CancellationToken ct = default) =>
        SendAsync<ProposalResponse>(HttpMethod.Post, $"api/v1/proposals/{id}/submit", new { }, ct, etag);

    public Task<ProposalResponse> WithdrawProposalAsync(Guid id, string etag, string? reason, CancellationToken ct = default) =>
        SendAsync<ProposalResponse>(HttpMethod.Post, $"api/v1/proposals/{id}/withdraw", new { reason }, ct, etag);

    /// <summary>The review dossier (DOCX) as the API prints it for this user; handed on, so the token stays on the server.</summary>
    public Task<(byte[] Content, string ContentType, string? FileName)> DownloadDossierAsync(Guid id, CancellationToken ct = default) =>
        DownloadAsync($"api/v1/proposals/{id}/dossier", ct);

    public Task<IReadOnlyList<TechnologyArea>> ListTechnologyAreasAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<TechnologyArea>>("api/v1/technology-areas", ct);

    // People
    public Task<PersonResponse> GetPersonAsync(Guid id, CancellationToken ct = default) => GetAsync<PersonResponse>($"api/v1/people/{id}", ct);

    public Task<PersonResponse> CreatePersonAsync(PersonRequest request, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<PersonResponse>(HttpMethod.Post, "api/v1/people", request, ct, idempotencyKey: idempotencyKey);

    public Task<PersonResponse> UpdatePersonAsync(Guid id, string etag, PersonRequest request, CancellationToken ct = default) =>
        SendAsync<PersonResponse>(HttpMethod.Put, $"api/v1/people/{id}", request, ct, etag);

    // Screening and questions
    public Task<ProposalScreening> GetScreeningAsync(Guid proposalId, CancellationToken ct = default) =>
        GetAsync<ProposalScreening>($"api/v1/proposals/{proposalId}/screening", ct);

    public Task<IReadOnlyList<InformationRequestResponse>> ListInformationRequestsAsync(Guid proposalId, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<InformationRequestResponse>>($"api/v1/proposals/{proposalId}/information-requests", ct);

    public Task<InformationRequestResponse> AnswerInformationRequestAsync(Guid proposalId, Guid requestId, string? answer, CancellationToken ct = default) =>
        SendAsync<InformationRequestResponse>(HttpMethod.Post, $"api/v1/proposals/{proposalId}/information-requests/{requestId}/answer", new { answer }, ct);

    // Reviews
    public Task<PagedList<QueueItem>> ReviewQueueAsync(QueueFilter filter, CancellationToken ct = default) =>
        GetAsync<PagedList<QueueItem>>(Query("api/v1/reviews", ("minRisk", filter.MinRisk?.ToString()), ("status", filter.Status?.ToString()),
            ("assignee", filter.Assignee), ("olderThanDays", filter.OlderThanDays?.ToString()), ("sort", filter.Sort),
            ("page", filter.Page?.ToString()), ("pageSize", filter.PageSize?.ToString())), ct);

    public Task<ReviewResponse> GetReviewAsync(Guid proposalId, CancellationToken ct = default) => GetAsync<ReviewResponse>($"api/v1/reviews/{proposalId}", ct);

    /// <summary>
    /// The reasons a reviewer may give for a false positive: API configuration, the same for every reviewer, so the
    /// host keeps them for <see cref="Infrastructure.WebOptions.ReferenceDataLifetime"/> instead of asking on every page.
    /// Only pages under the reviewers' policy call this.
    /// </summary>
    public async Task<IReadOnlyList<string>> DispositionReasonsAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(DispositionReasonsKey, out IReadOnlyList<string>? reasons) && reasons is not null) return reasons;
        reasons = await GetAsync<IReadOnlyList<string>>("api/v1/reviews/disposition-reasons", ct);
        return cache.Set(DispositionReasonsKey, reasons, options.Value.ReferenceDataLifetime);
    }

    private const string DispositionReasonsKey = "api:disposition-reasons";

    public Task<ReviewResponse> ClaimReviewAsync(Guid proposalId, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/claim", new { }, ct);

    public Task<ReviewResponse> DispositionHitAsync(Guid proposalId, Guid hitId, DispositionRequest request, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/hits/{hitId}/disposition", request, ct);

    public Task<ReviewResponse> RequestInformationAsync(Guid proposalId, string? question, Guid? hitId, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/information-requests", new { question, hitId }, ct);

    public Task<ReviewResponse> RecordDecisionAsync(Guid proposalId, DecisionRequest request, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/decisions", request, ct);

    public Task<ReviewResponse> ConfirmDecisionAsync(Guid proposalId, Guid decisionId, string? comment, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/decisions/{decisionId}/confirm", new { comment }, ct);

    public Task<ReviewResponse> EscalateReviewAsync(Guid proposalId, string? reason, CancellationToken ct = default) =>
        SendAsync<ReviewResponse>(HttpMethod.Post, $"api/v1/reviews/{proposalId}/escalate", new { reason }, ct);

    // Building blocks for further pages: GET a JSON resource, send a JSON body.
    public async Task<T> GetAsync<T>(string path, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(path, ct);
        return await ReadAsync<T>(response, ct);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct = default, string? etag = null,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (etag is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    public async Task<(byte[] Content, string ContentType, string? FileName)> DownloadAsync(string path, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, ct);
        return (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) throw await ErrorAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private static async Task<ApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct) =>
        new(response.StatusCode, ApiProblem.Parse(await response.Content.ReadAsStringAsync(ct)));

    private static string Query(string path, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}

/// <summary>Adds the signed-in user's access token (kept in the server-side session) to each API call.</summary>
public sealed class BearerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await base.SendAsync(request, cancellationToken);
    }
}

public static class ApiClientSetup
{
    public static void AddApiClient(this IServiceCollection services, Uri baseAddress)
    {
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<ApiClient>(c =>
            {
                c.BaseAddress = baseAddress;
                c.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<BearerTokenHandler>();
    }

    internal static bool IsAccessRefusal(this ApiException e) => e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}

public static class ApiClientDashboards
{
    public static Task<IReadOnlyList<WatchlistResponse>> ListWatchlistsAsync(this ApiClient api, CancellationToken ct = default) =>
        api.GetAsync<IReadOnlyList<WatchlistResponse>>("api/v1/watchlists", ct);

    public static Task<IReadOnlyList<JobResponse>> ListJobsAsync(this ApiClient api, CancellationToken ct = default) =>
        api.GetAsync<IReadOnlyList<JobResponse>>("api/v1/jobs", ct);

    public static Task<PagedList<FundingSourceResponse>> ListFundingSourcesAsync(this ApiClient api, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        api.GetAsync<PagedList<FundingSourceResponse>>($"api/v1/funding-sources?page={page}&pageSize={pageSize}", ct);

    public static Task<PagedList<AuditEventResponse>> ListAuditEventsAsync(this ApiClient api, Guid? proposalId = null, int page = 1, int pageSize = 20,
        CancellationToken ct = default) =>
        api.GetAsync<PagedList<AuditEventResponse>>($"api/v1/audit/events?page={page}&pageSize={pageSize}" + (proposalId is { } p ? $"&proposalId={p}" : ""), ct);
}
