namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// The hardening layer of the API host, registered in one place: hostile-text guards, response headers, forwarded
/// headers from known proxies only, per-caller rate limits. Each piece is its own file in this folder.
/// </summary>
public static class SecuritySetup
{
    public static void AddResearchSecurityHardening(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new SafeStringJsonConverter()));
        builder.Services.AddExceptionHandler<DatabaseTextExceptionHandler>();
        builder.Services.AddOptions<ApiRateLimitOptions>().Bind(builder.Configuration.GetSection(ApiRateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddKnownProxies();
    }

    /// <summary>
    /// Response headers. The forwarded headers themselves are applied once, first in the pipeline, by the shared host
    /// defaults (ResearchSecurity.Hosting); this host only narrows whom they are believed from (ProxySetup).
    /// </summary>
    public static void UseProxyAndHeaders(this WebApplication app) => app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>After authentication, so the limit is per caller.</summary>
    public static void UseApiRateLimit(this WebApplication app) => app.UseMiddleware<ApiRateLimitMiddleware>();

    /// <summary>Before anything reads the query or form (authentication included: OpenIddict reads token requests there).</summary>
    public static void UseHostileInputGuard(this WebApplication app) => app.UseMiddleware<HostileInputMiddleware>();
}
