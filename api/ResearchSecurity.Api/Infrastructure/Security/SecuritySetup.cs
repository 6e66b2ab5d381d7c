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
    }

    /// <summary>Before anything reads the query or form (authentication included: OpenIddict reads token requests there).</summary>
    public static void UseHostileInputGuard(this WebApplication app) => app.UseMiddleware<HostileInputMiddleware>();
}
