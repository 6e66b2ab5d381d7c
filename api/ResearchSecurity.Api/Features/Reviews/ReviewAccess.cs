using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>
/// Loads a proposal for a reviewer action and applies segregation of duties: nobody reviews a proposal they own
/// or are named on.
/// </summary>
public static class ReviewAccess
{
    public static async Task<Results<Ok<Proposal>, NotFound, ProblemHttpResult>> LoadForActionAsync(
        ResearchSecurityDbContext db, Guid proposalId, CurrentUser user, CancellationToken ct)
    {
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (await IsInvolvedAsync(db, proposal, user.Id, ct))
            return TypedResults.Problem(title: "Segregation of duties",
                detail: "You own or are named on this proposal, so you cannot review it.", statusCode: StatusCodes.Status403Forbidden);
        return TypedResults.Ok(proposal);
    }

    public static async Task<bool> IsInvolvedAsync(ResearchSecurityDbContext db, Proposal proposal, string userId, CancellationToken ct) =>
        proposal.OwnerId == userId
        || await db.ProposalMembers.AnyAsync(m => m.ProposalId == proposal.Id && db.People.Any(p => p.Id == m.PersonId && p.UserId == userId), ct);

    /// <summary>Passes a failed load (404 or the segregation-of-duties 403) through unchanged.</summary>
    public static Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem> Failure(
        Results<Ok<Proposal>, NotFound, ProblemHttpResult> loaded) => loaded.Result switch
    {
        NotFound notFound => notFound,
        ProblemHttpResult problem => problem,
        _ => throw new InvalidOperationException("Only failures are unwrapped."),
    };
}
