using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>Four-eyes: a second reviewer confirms a pending High-risk decision, which then takes effect.</summary>
public static class ConfirmDecision
{
    public sealed record ConfirmRequest(string? Comment);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/decisions/{decisionId:guid}/confirm", Handle).WithName(nameof(ConfirmDecision))
            .WithSummary("Confirm a review decision")
            .WithDescription("A second reviewer, other than the one who decided, confirms a pending decision, which then takes effect.")
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct);

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, Guid decisionId, ConfirmRequest? body, ResearchSecurityDbContext db, CurrentUser user,
        Hangfire.IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<Core.Audit.Anchoring.AuditAnchorOptions> anchor, CancellationToken ct)
    {
        if (body?.Comment is { Length: > 4000 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["At most 4000 characters."] });
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        var decision = await db.ReviewDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.ProposalId == proposalId, ct);
        if (decision is null) return TypedResults.NotFound();

        decision.Confirm(proposal, user.Id, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.DecisionConfirmed, nameof(ReviewDecision), decision.Id, proposal.Id,
            AuditChanges.Of(new { State = DecisionState.PendingConfirmation }, new { decision.State, ProposalStatus = proposal.Status }),
            body?.Comment);
        if (decision.State == DecisionState.Effective) db.NotifyUser(NotificationKind.DecisionMade, proposal.OwnerId, proposal.Id, decision.Id);
        await db.SaveChangesAsync(ct);
        // A decision is what an office must be able to prove later: the chain head is signed outside the database now.
        Core.Audit.Anchoring.AnchorAuditChainJob.AfterDecision(jobs, anchor.Value);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
