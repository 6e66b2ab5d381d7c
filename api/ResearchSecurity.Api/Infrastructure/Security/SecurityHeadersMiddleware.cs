namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// Response headers on every answer of the API host: no MIME sniffing, no framing, no referrer, a CSP (strict for
/// JSON, same-origin for the few HTML pages: Scalar and the Hangfire dashboard; the sign-in page sets its own), HSTS on
/// https outside Development, and <c>Cache-Control: no-store</c> on anything answered to an authenticated caller, so
/// records never sit in a shared or browser cache.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public const string HtmlPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? HtmlPolicy : ApiPolicy;
            if (context.Request.IsHttps && !environment.IsDevelopment())
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            if (context.User.Identity?.IsAuthenticated == true || context.Request.Headers.ContainsKey("Authorization"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
