namespace ResearchSecurity.Api.Infrastructure;

/// <summary>Audit actor for API requests: the signed-in user, the request's correlation id and client address.</summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    private HttpContext? Http => accessor.HttpContext;

    public string ActorId => CurrentUser.IdOf(Http?.User) ?? "anonymous";
    public string ActorKind => "user";
    public string? JobId => null;
    public string? CorrelationId => Http?.Items[CorrelationIdMiddleware.ItemKey] as string;
    public string? ClientAddress => Http?.Connection.RemoteIpAddress?.ToString();
}
