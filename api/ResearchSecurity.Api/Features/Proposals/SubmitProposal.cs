using static ResearchSecurity.Api.Features.Proposals.ProposalTransition;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>The owner submits a draft (or a proposal returned for information) for screening and review.</summary>
public static class SubmitProposal
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/submit", (Guid id, StatusChangeRequest? body, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct) =>
                ApplyAsync(id, body, AuditEventType.ProposalSubmitted, (p, now) => p.Submit(now), db, user, http, ct))
            .WithName(nameof(SubmitProposal))
            .WithSummary("Submit a proposal for review")
            .WithDescription("Moves a Draft with at least one person to Submitted and queues its screening against the watchlists in force.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ProposalsWrite);
}
