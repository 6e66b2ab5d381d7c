using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>Per-caller limit on the API (section "Api:RateLimit").</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests one caller (user, machine client, or address when anonymous) may make per window.</summary>
    [Range(1, 10_000_000)] public int PermitLimit { get; set; } = 300;

    [Range(1, 3600)] public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// A fixed window per authenticated caller: the token's subject (a user, or a machine client, which is its own
/// subject), else the client address (after forwarded headers from known proxies). It runs after authentication,
/// which the framework's rate-limiting middleware cannot (it comes before authentication here because the sign-in
/// limiter must see token requests that OpenIddict answers inside authentication). Refusals are 429 ProblemDetails
/// with Retry-After.
/// </summary>
public sealed class ApiRateLimitMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ApiRateLimitMiddleware(RequestDelegate next, IOptions<ApiRateLimitOptions> options)
    {
        _next = next;
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(CallerKey(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.PermitLimit, Window = TimeSpan.FromSeconds(o.WindowSeconds), QueueLimit = 0 }));
    }

    public static string CallerKey(HttpContext http) =>
        CurrentUser.IdOf(http.User) is { } subject ? "caller:" + subject : "address:" + http.Connection.RemoteIpAddress;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await _next(context);
            return;
        }
        using var lease = await _limiter.AcquireAsync(context, 1, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await _next(context);
            return;
        }
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: "Too many requests", statusCode: StatusCodes.Status429TooManyRequests,
            detail: $"This caller has used its requests for now; try again in {retryAfter} s.").ExecuteAsync(context);
    }

    public void Dispose() => _limiter.Dispose();
}
