namespace ResearchSecurity.Api.Features.Audit;

/// <summary>Auditors query the trail: by proposal, subject, actor, event type and time window.</summary>
public static class ListAuditEvents
{
    public sealed record ListAuditEventsRequest(
        int? Page, int? PageSize, Guid? ProposalId, Guid? SubjectId, string? ActorId, AuditEventType? EventType,
        DateTimeOffset? From, DateTimeOffset? To);

    public sealed class Validator : AbstractValidator<ListAuditEventsRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize);
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("Must not be before from.");
            RuleFor(x => x.ActorId).MaximumLength(200);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/events", ([AsParameters] ListAuditEventsRequest request, ResearchSecurityDbContext db, AuditObservationQueue observations, CancellationToken ct) =>
                Handle(request, db, observations, ct))
            .WithName(nameof(ListAuditEvents))
            .WithSummary("List audit events")
            .WithDescription("The audit trail, paged and filtered by proposal, subject, actor, event type and time range.")
            .Validate<ListAuditEventsRequest>();

    public static async Task<Ok<PagedList<AuditEventResponse>>> Handle(ListAuditEventsRequest request, ResearchSecurityDbContext db,
        AuditObservationQueue observations, CancellationToken ct)
    {
        // The auditor sees every observation made before the question, including those still queued.
        await observations.FlushAsync(ct);
        var query = db.AuditEvents.AsNoTracking();
        if (request.ProposalId is { } proposalId) query = query.Where(a => a.ProposalId == proposalId);
        if (request.SubjectId is { } subjectId) query = query.Where(a => a.SubjectId == subjectId);
        if (!string.IsNullOrEmpty(request.ActorId)) query = query.Where(a => a.ActorId == request.ActorId);
        if (request.EventType is { } type) query = query.Where(a => a.EventType == type);
        if (request.From is { } from) query = query.Where(a => a.OccurredAt >= from);
        if (request.To is { } to) query = query.Where(a => a.OccurredAt <= to);
        return TypedResults.Ok(await query.OrderByDescending(a => a.Sequence)
            .ToPageAsync(request.Page, request.PageSize, AuditProjection.ToResponse, ct));
    }
}
