using static ResearchSecurity.Api.Features.Proposals.ProposalTransition;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>The owner withdraws a proposal; a withdrawn proposal takes no further workflow step.</summary>
public static class WithdrawProposal
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/withdraw", (Guid id, StatusChangeRequest? body, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct) =>
                ApplyAsync(id, body, AuditEventType.ProposalWithdrawn, (p, now) => p.Withdraw(now), db, user, http, ct))
            .WithName(nameof(WithdrawProposal))
            .WithSummary("Withdraw a proposal")
            .WithDescription("The investigator takes a submitted proposal out of review; a withdrawn proposal is kept for the audit trail.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ProposalsWrite);
}
