namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// Writes an observation from middleware, after the endpoint has answered: in a scope of its own (so nothing an endpoint
/// left unsaved is written with it) and never failing the request it describes (the answer has been given).
/// </summary>
public static class MiddlewareObservations
{
    public static async Task RecordAsync(IServiceScopeFactory scopes, ILogger log, HttpContext http,
        AuditEventType type, string subjectType, Guid? subjectId, string? changes, string? reason = null)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            db.Audit(type, subjectType, subjectId, proposalId: null, changes, reason);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            log.LogError(e, "Could not audit {EventType} for {Method} {Path}", type, http.Request.Method, http.Request.Path.Value);
        }
    }
}
