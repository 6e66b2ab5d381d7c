using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>
/// Which proposals a caller may see. Investigators see what they own or are a member of; reviewers see everything
/// from submission on; auditors see everything. Anything else answers 404, so ids cannot be probed.
/// </summary>
public static class ProposalAccess
{
    public static IQueryable<Proposal> VisibleTo(this IQueryable<Proposal> proposals, CurrentUser user, ResearchSecurityDbContext db)
    {
        if (user.IsInRole(Roles.Auditor)) return proposals;
        var me = user.Id;
        var reviewer = user.IsInRole(Roles.IntegrityReviewer);
        var investigator = user.IsInRole(Roles.Investigator);
        // A user may hold both roles: they see submitted proposals as a reviewer and their own drafts as an investigator.
        return proposals.Where(p => (reviewer && p.Status != ProposalStatus.Draft)
            || (investigator && (p.OwnerId == me
                || p.Members.Any(m => db.People.Any(person => person.Id == m.PersonId && person.UserId == me)))));
    }

    /// <summary>Only the owning investigator edits; members and other roles read.</summary>
    public static bool CanEdit(this Proposal proposal, CurrentUser user) =>
        user.IsInRole(Roles.Investigator) && proposal.OwnerId == user.Id;
}
