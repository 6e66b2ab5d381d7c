using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>Hands a proposal up (e.g. to the research-security committee), with the reason.</summary>
public static class EscalateReview
{
    public sealed record EscalateRequest(string? Reason);

    public sealed class Validator : AbstractValidator<EscalateRequest>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Required.").MaximumLength(4000);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/escalate", Handle).WithName(nameof(EscalateReview))
            .WithSummary("Escalate a review")
            .WithDescription("Sends a proposal in review to the escalation level, with a reason.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct)
            .Validate<EscalateRequest>();

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, EscalateRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;

        var before = proposal.Status;
        proposal.Escalate(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ProposalEscalated, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(new { Status = before }, new { proposal.Status }), request.Reason);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
