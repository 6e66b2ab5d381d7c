using ResearchSecurity.Api.Identity;
using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Funding;

/// <summary>
/// Grant officers, auditors and the grant-management integration (scope funding.read) see all funding. Reviewers see
/// funding that is not part of a draft, as with proposals. Investigators see funding they recorded or that belongs to
/// a proposal they own or are a member of (members read only, as the proposal already shows it to them).
/// </summary>
public static class FundingAccess
{
    public static IQueryable<FundingSource> VisibleTo(this IQueryable<FundingSource> funding, CurrentUser user, ResearchSecurityDbContext db)
    {
        if (user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.GrantOfficer) || user.HasScope(AuthScopes.FundingRead)) return funding;
        if (user.IsInRole(Roles.IntegrityReviewer))
            return funding.Where(f => f.ProposalId == null || db.Proposals.Any(p => p.Id == f.ProposalId && p.Status != ProposalStatus.Draft));
        var me = user.Id;
        return funding.Where(f => f.OwnerId == me || db.Proposals.Any(p => p.Id == f.ProposalId && (p.OwnerId == me
            || p.Members.Any(m => db.People.Any(person => person.Id == m.PersonId && person.UserId == me)))));
    }

    public static bool CanEdit(this FundingSource funding, CurrentUser user, bool ownsProposal) =>
        user.IsInRole(Roles.Investigator) && (funding.OwnerId == user.Id || ownsProposal);
}
