using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>The investigator's own workflow actions (submit, withdraw): one state change through the entity, audited.</summary>
public static class ProposalTransition
{
    public sealed record StatusChangeRequest(string? Reason);

    public static async Task<Results<Ok<ProposalResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> ApplyAsync(
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
        ETags.Set(http, response!.ETag);
        return TypedResults.Ok(response);
    }
}
