using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The reviewer asks the investigator a question; the proposal waits in InfoRequested until answered.</summary>
public static class RequestInformation
{
    public sealed record InformationRequestRequest(string? Question, Guid? HitId);

    public sealed class Validator : AbstractValidator<InformationRequestRequest>
    {
        public Validator() => RuleFor(x => x.Question).NotEmpty().WithMessage("Required.").MaximumLength(4000);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/information-requests", Handle).WithName(nameof(RequestInformation))
            .WithSummary("Ask the investigator for information")
            .WithDescription("Puts the review on hold with a question for the proposal's investigator, optionally about one hit.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct)
            .Validate<InformationRequestRequest>();

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, InformationRequestRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;
        if (request.HitId is { } hitId && !await ProposalRisk.HitsFor(db, proposalId).AnyAsync(h => h.Id == hitId, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hitId"] = ["No such hit on this proposal."] });

        var now = db.Clock.GetUtcNow();
        proposal.RequestInformation(now);
        var question = InformationRequest.Ask(proposal.Id, request.HitId, request.Question!, user.Id, now);
        db.InformationRequests.Add(question);
        db.Audit(AuditEventType.InformationRequested, nameof(InformationRequest), question.Id, proposal.Id,
            AuditChanges.Of(null, new { question.Question, question.HitId }));
        db.NotifyUser(NotificationKind.InformationRequested, proposal.OwnerId, proposal.Id, question.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
