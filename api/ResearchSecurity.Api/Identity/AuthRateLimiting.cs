using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Slows down password guessing and secret stuffing: the token endpoint and sign-in form posts share a fixed
/// window per client address. A global limiter (keyed by path) rather than endpoint metadata, because OpenIddict
/// answers token requests in the authentication middleware, before endpoint-level limiters would run.
/// </summary>
public static class AuthRateLimiting
{
    public static void AddAuthRateLimiting(this IServiceCollection services, RateLimitSettings settings)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                LimitedEndpoint(http.Request) is { } endpoint
                    ? RateLimitPartition.GetFixedWindowLimiter($"{endpoint}|{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Too many sign-in or token requests from this address; try again later.",
                    },
                });
            };
        });
    }

    private static string? LimitedEndpoint(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return null;
        if (request.Path.Equals("/" + OidcEndpoints.Token, StringComparison.OrdinalIgnoreCase)) return "token";
        if (request.Path.Equals(SignInEndpoints.SignInPath, StringComparison.OrdinalIgnoreCase)) return "signin";
        return null;
    }
}
