using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The investigator answers a reviewer's question; the proposal goes back to review once none is open.</summary>
public static class AnswerInformationRequest
{
    public sealed record AnswerRequest(string? Answer);

    public sealed class Validator : AbstractValidator<AnswerRequest>
    {
        public Validator() => RuleFor(x => x.Answer).NotEmpty().WithMessage("Required.").MaximumLength(8000);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{requestId:guid}/answer", Handle).WithName(nameof(AnswerInformationRequest))
            .WithSummary("Answer an information request")
            .WithDescription("The proposal's investigator answers a reviewer's question; when none remains open the review resumes.")
            .ProducesConflict()
            .RequireAuthorization(Policies.ProposalsWrite)
            .Validate<AnswerRequest>();

    public static async Task<Results<Ok<InformationRequestResponse>, NotFound, ForbidHttpResult>> Handle(
        Guid proposalId, Guid requestId, AnswerRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (!proposal.CanEdit(user)) return TypedResults.Forbid();
        var question = await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.ProposalId == proposalId, ct);
        if (question is null) return TypedResults.NotFound();

        var now = db.Clock.GetUtcNow();
        question.Respond(request.Answer!, user.Id, now);
        // The proposal returns to the reviewer once no question is left open.
        var stillOpen = await db.InformationRequests.AnyAsync(r => r.ProposalId == proposalId && r.Id != requestId && r.Answer == null, ct);
        if (!stillOpen) proposal.InformationProvided(now);
        db.Audit(AuditEventType.InformationProvided, nameof(InformationRequest), question.Id, proposal.Id,
            AuditChanges.Of(null, new { question.Answer }));
        db.NotifyUser(NotificationKind.InformationAnswered, question.AskedBy, proposal.Id, question.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(question.ToResponse());
    }
}
