using System.Linq.Expressions;

namespace ResearchSecurity.Api.Features.Audit;

public sealed record AuditEventResponse(
    long Sequence, DateTimeOffset OccurredAt, int EventTypeNumber, AuditEventType EventType, string ActorId, string ActorKind, string? JobId,
    string SubjectType, Guid? SubjectId, Guid? ProposalId, string? Changes, string? Reason, string? CorrelationId, string? ClientAddress,
    string PreviousHash, string Hash);

public static class AuditProjection
{
    public static readonly Expression<Func<AuditEvent, AuditEventResponse>> ToResponse = a => new AuditEventResponse(
        a.Sequence, a.OccurredAt, (int)a.EventType, a.EventType, a.ActorId, a.ActorKind, a.JobId, a.SubjectType, a.SubjectId, a.ProposalId,
        a.Changes, a.Reason, a.CorrelationId, a.ClientAddress, a.PreviousHash, a.Hash);
}
