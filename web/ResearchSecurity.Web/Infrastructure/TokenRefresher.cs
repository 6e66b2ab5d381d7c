using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>
/// Redeems refresh tokens at the API's token endpoint. The API rolls refresh tokens and refuses a used one at once,
/// so concurrent requests of one session (a page and its htmx poll) must share a single redemption: the first caller
/// redeems, the others await the same answer.
/// </summary>
public sealed class TokenRefresher(
    IHttpClientFactory httpClients, IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<WebOptions> web, TimeProvider clock,
    ILogger<TokenRefresher> logger)
{
    public const string HttpClientName = "oidc-token";

    public sealed record RefreshedTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<string, Lazy<Task<RefreshedTokens?>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<RefreshedTokens?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var redemption = _inFlight.GetOrAdd(refreshToken, token => new Lazy<Task<RefreshedTokens?>>(() => RedeemAsync(token)));
        try
        {
            return await redemption.Value.WaitAsync(ct);
        }
        finally
        {
            // Keep the answer briefly for requests that read the old ticket before the first one stored the new tokens.
            _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => _inFlight.TryRemove(refreshToken, out var _), TaskScheduler.Default);
        }
    }

    private async Task<RefreshedTokens?> RedeemAsync(string refreshToken)
    {
        var options = oidc.Get(WebAuthentication.OidcScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = web.Value.ClientId,
        };
        if (!string.IsNullOrEmpty(web.Value.ClientSecret)) form["client_secret"] = web.Value.ClientSecret;
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form));
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Refresh token refused ({Status}); the session ends", (int)response.StatusCode);
            return null;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
        return new RefreshedTokens(root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null, clock.GetUtcNow().AddSeconds(lifetime));
    }
}
