using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The investigator's side of a reviewer's question: list the questions on their proposal and answer them.</summary>
public static class AnswerInformationRequest
{
    public sealed record AnswerRequest(string? Answer);

    public sealed class Validator : AbstractValidator<AnswerRequest>
    {
        public Validator() => RuleFor(x => x.Answer).NotEmpty().WithMessage("Required.").MaximumLength(8000);
    }

    public static void MapInformationRequests(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proposals/{proposalId:guid}/information-requests").WithTags("Reviews")
            .RequireAuthorization(Policies.ProposalsRead);
        group.MapGet("/", List).WithName("ListInformationRequests");
        group.MapPost("/{requestId:guid}/answer", Handle).WithName(nameof(AnswerInformationRequest))
            .RequireAuthorization(Policies.ProposalsWrite)
            .Validate<AnswerRequest>();
    }

    public static async Task<Results<Ok<List<InformationRequestResponse>>, NotFound>> List(
        Guid proposalId, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.Proposals.VisibleTo(user, db).AnyAsync(p => p.Id == proposalId, ct)) return TypedResults.NotFound();
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.AskedAt).ToListAsync(ct);
        return TypedResults.Ok(requests.Select(r => r.ToResponse()).ToList());
    }

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
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(question.ToResponse());
    }
}
