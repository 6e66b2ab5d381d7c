using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>
/// Sign-in with the API's OpenID Connect server: authorization code + PKCE with the seeded rs-web client. The
/// browser gets only a session cookie; the tokens live in the server-side ticket store, the access token is refreshed
/// shortly before it expires, and signing out also ends the API's own sign-in session.
/// </summary>
public static class WebAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string SessionCookie = "rs.web.session";

    public static void AddWebAuthentication(this WebApplicationBuilder builder, WebOptions web)
    {
        var isLocal = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<DistributedTicketStore>();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddHttpClient(TokenRefresher.HttpClientName);

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = isLocal ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = web.SessionIdleTimeout;
                o.SlidingExpiration = true;
                // A page of another role answers 403 in place; the status-code page shows the 403 page at the same address.
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = RefreshAccessTokenAsync;
            })
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = web.Authority;
                o.ClientId = web.ClientId;
                o.ClientSecret = web.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                // Local runs and tests talk plain http to the API on 127.0.0.1; anywhere else the issuer must be https.
                o.RequireHttpsMetadata = !isLocal;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access", "api" }) o.Scope.Add(scope);
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.CorrelationCookie.Name = "rs.web.correlation.";
                o.NonceCookie.Name = "rs.web.nonce.";
                o.SignedOutRedirectUri = "/";
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    // An htmx request cannot follow a redirect to the sign-in form: ask htmx to reload the page instead,
                    // which then signs in normally and comes back.
                    if (context.Request.Headers.ContainsKey("HX-Request"))
                    {
                        context.Response.StatusCode = StatusCodes.Status200OK;
                        context.Response.Headers["HX-Redirect"] = context.Request.Headers["HX-Current-URL"].FirstOrDefault() ?? "/";
                        context.HandleResponse();
                    }
                    return Task.CompletedTask;
                };
            });

        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<DistributedTicketStore>((o, store) => o.SessionStore = store);
    }

    /// <summary>Refreshes the access token before it expires; a session whose refresh is refused is signed out.</summary>
    private static async Task RefreshAccessTokenAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry))
            return;
        if (expiry - clock.GetUtcNow() > web.RefreshBeforeExpiry) return;

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await services.GetRequiredService<TokenRefresher>().RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken ?? refreshToken!);
        context.Properties.UpdateTokenValue("expires_at", refreshed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
