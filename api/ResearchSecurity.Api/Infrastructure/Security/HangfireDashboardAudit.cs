using System.Text.Json;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// The Hangfire dashboard shows job arguments (proposal and list ids) and can retry or delete jobs, so each page an
/// administrator opens there is a <see cref="AuditEventType.DashboardViewed"/> observation. Its scripts, styles and the
/// stats poll it sends every few seconds are not pages and are not written.
/// </summary>
public sealed class HangfireDashboardAudit(RequestDelegate next, IServiceScopeFactory scopes, ILogger<HangfireDashboardAudit> log)
{
    public const string Path = "/hangfire";
    private static readonly string[] NotPages = ["/css", "/js", "/fonts", "/stats"];

    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        var request = http.Request;
        if (!request.Path.StartsWithSegments(Path, out var rest) || http.Response.StatusCode != StatusCodes.Status200OK
            || http.User.Identity?.IsAuthenticated != true || NotPages.Any(p => rest.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return;
        await MiddlewareObservations.RecordAsync(scopes, log, http, AuditEventType.DashboardViewed, "HangfireDashboard", null,
            JsonSerializer.Serialize(new { request.Method, Path = request.Path.Value }));
    }
}

public static class HangfireDashboardAuditSetup
{
    public static IApplicationBuilder UseHangfireDashboardAudit(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(HangfireDashboardAudit.Path), branch => branch.UseMiddleware<HangfireDashboardAudit>());
}
