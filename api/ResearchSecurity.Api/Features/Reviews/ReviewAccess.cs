using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>
/// Loads a proposal for a reviewer action and applies segregation of duties: nobody reviews a proposal they own
/// or are named on.
/// </summary>
public static class ReviewAccess
{
    /// <summary>
    /// The proposal a reviewer may act on, or the ProblemDetails answer that refuses the action (404 when it is not
    /// visible, 403 for segregation of duties); exactly one of the two is set. Every reviewer endpoint's result union
    /// takes a <see cref="ProblemHttpResult"/>, so a handler returns the refusal as it is.
    /// </summary>
    public sealed record ReviewTarget(Proposal? Proposal, ProblemHttpResult? Refusal);

    public static async Task<ReviewTarget> LoadForActionAsync(ResearchSecurityDbContext db, Guid proposalId, CurrentUser user, CancellationToken ct)
    {
        var proposal = await db.Proposals.VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return new ReviewTarget(null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound));
        if (await IsInvolvedAsync(db, proposal, user.Id, ct))
            return new ReviewTarget(null, TypedResults.Problem(title: "Segregation of duties",
                detail: "You own or are named on this proposal, so you cannot review it.", statusCode: StatusCodes.Status403Forbidden));
        return new ReviewTarget(proposal, null);
    }

    public static async Task<bool> IsInvolvedAsync(ResearchSecurityDbContext db, Proposal proposal, string userId, CancellationToken ct) =>
        proposal.OwnerId == userId
        || await db.ProposalMembers.AnyAsync(m => m.ProposalId == proposal.Id && db.People.Any(p => p.Id == m.PersonId && p.UserId == userId), ct);
}
