namespace ResearchSecurity.Core.Audit;

/// <summary>Who is acting, and from where: the signed-in user for API requests, the job for background work.</summary>
public interface IAuditContext
{
    string ActorId { get; }
    /// <summary>"user" or "system".</summary>
    string ActorKind { get; }
    string? JobId { get; }
    string? CorrelationId { get; }
    string? ClientAddress { get; }
}

public sealed class SystemAuditContext(string actorId, string? jobId = null, string? correlationId = null) : IAuditContext
{
    public string ActorId => actorId;
    public string ActorKind => "system";
    public string? JobId => jobId;
    public string? CorrelationId => correlationId;
    public string? ClientAddress => null;
}
