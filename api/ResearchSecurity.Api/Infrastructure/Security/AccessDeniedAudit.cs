using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// Writes an <see cref="AuditEventType.AccessDenied"/> event when a signed-in caller is refused: a 403 (an endpoint's
/// policy, a role escalation, segregation of duties) or a 404 on a record route (another investigator's record, or an id
/// that does not exist: the API answers both alike, the trail keeps the attempt). Who comes from the audit context; what
/// is the method, route and record id; why is the failed policy requirement, or the endpoint's own refusal. Anonymous
/// 401s are not written: they are the internet's background noise and the request log keeps them. Answered requests
/// pay only for a status check.
/// </summary>
public sealed class AccessDeniedAudit(RequestDelegate next, IServiceScopeFactory scopes, ILogger<AccessDeniedAudit> log)
{
    internal const string ReasonItem = "rs.access-denied.reason";

    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        var status = http.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) || http.User.Identity?.IsAuthenticated != true) return;
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments(HangfireDashboardAudit.Path)) return;
        var recordId = RecordIdIn(http.Request.Path);
        if (status == StatusCodes.Status404NotFound && recordId is null) return;

        var reason = http.Items[ReasonItem] as string
            ?? (status == StatusCodes.Status403Forbidden ? "refused by the endpoint" : "record not visible to the caller, or not there");
        await MiddlewareObservations.RecordAsync(scopes, log, http, AuditEventType.AccessDenied, "Endpoint", recordId,
            JsonSerializer.Serialize(new { http.Request.Method, Path = http.Request.Path.Value, Status = status }), reason);
    }

    /// <summary>The last GUID segment of the path: the record the caller tried to reach.</summary>
    private static Guid? RecordIdIn(PathString path)
    {
        Guid? found = null;
        foreach (var segment in (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (Guid.TryParse(segment, out var id)) found = id;
        return found;
    }
}

/// <summary>Keeps the framework's answer to a failed policy and notes which requirement failed, for the audit.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            var requirements = failure.FailedRequirements.Select(Describe).Distinct().ToList();
            context.Items[AccessDeniedAudit.ReasonItem] = requirements.Count == 0
                ? "endpoint policy not met"
                : "endpoint policy not met: " + string.Join("; ", requirements);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string Describe(IAuthorizationRequirement requirement) => requirement switch
    {
        Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement roles => "one of the roles " + string.Join(", ", roles.AllowedRoles),
        RolesOrScopeRequirement either => $"one of the roles {string.Join(", ", either.Roles)} or the scope {either.Scope}",
        _ => requirement.GetType().Name,
    };
}

public static class AccessDeniedAuditSetup
{
    public static IServiceCollection AddAccessDeniedAudit(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

    /// <summary>Between authentication and authorization, so the caller is known and the policy's refusal is seen.</summary>
    public static IApplicationBuilder UseAccessDeniedAudit(this IApplicationBuilder app) => app.UseMiddleware<AccessDeniedAudit>();
}
