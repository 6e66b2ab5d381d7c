using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>Takes a proposal (or assigns it to another reviewer).</summary>
public static class ClaimReview
{
    public sealed record ClaimRequest(string? AssigneeId);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/claim", Handle).WithName(nameof(ClaimReview))
            .WithSummary("Claim a review")
            .WithDescription("Assigns the review to the caller, or to the reviewer given as `assigneeId`. Nobody who owns or is named on the proposal may review it.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct);

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, ClaimRequest? body, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (body?.AssigneeId is { Length: > 200 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["assigneeId"] = ["At most 200 characters."] });
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;

        var assignee = string.IsNullOrWhiteSpace(body?.AssigneeId) ? user.Id : body.AssigneeId;
        if (assignee != user.Id && await ReviewAccess.IsInvolvedAsync(db, proposal, assignee, ct))
            return TypedResults.Problem(title: "Segregation of duties", detail: "That reviewer owns or is named on this proposal.",
                statusCode: StatusCodes.Status403Forbidden);
        var before = proposal.AssignedReviewerId;
        proposal.Claim(assignee, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ReviewClaimed, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(new { AssignedReviewerId = before }, new { AssignedReviewerId = assignee }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
