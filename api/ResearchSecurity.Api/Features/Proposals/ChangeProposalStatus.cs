using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>The investigator's own workflow actions: submit a draft, withdraw a proposal.</summary>
public static class ChangeProposalStatus
{
    public sealed record StatusChangeRequest(string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/submit", (Guid id, StatusChangeRequest? body, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct) =>
                Handle(id, body, AuditEventType.ProposalSubmitted, (p, now) => p.Submit(now), db, user, http, ct))
            .WithName("SubmitProposal").RequireAuthorization(Policies.ProposalsWrite);
        group.MapPost("/{id:guid}/withdraw", (Guid id, StatusChangeRequest? body, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct) =>
                Handle(id, body, AuditEventType.ProposalWithdrawn, (p, now) => p.Withdraw(now), db, user, http, ct))
            .WithName("WithdrawProposal").RequireAuthorization(Policies.ProposalsWrite);
    }

    private static async Task<Results<Ok<ProposalResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, StatusChangeRequest? body, AuditEventType eventType, Action<Proposal, DateTimeOffset> transition,
        ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (body?.Reason is { Length: > 4000 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 4000 characters."] });
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (!proposal.CanEdit(user)) return TypedResults.Forbid();
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;

        var before = proposal.Status;
        transition(proposal, db.Clock.GetUtcNow());
        db.Audit(eventType, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(new { Status = before.ToString() }, new { Status = proposal.Status.ToString() }), body?.Reason);
        await db.SaveChangesAsync(ct);

        var response = await db.Proposals.Where(p => p.Id == id).LoadAsync(db, ct);
        http.Response.Headers.ETag = response!.ETag;
        return TypedResults.Ok(response);
    }
}
