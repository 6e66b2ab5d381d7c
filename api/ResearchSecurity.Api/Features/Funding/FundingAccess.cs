using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

/// <summary>
/// Grant officers, reviewers and auditors see all funding. Investigators see funding they recorded or that
/// belongs to a proposal they own.
/// </summary>
public static class FundingAccess
{
    public static IQueryable<FundingSource> VisibleTo(this IQueryable<FundingSource> funding, CurrentUser user, ResearchSecurityDbContext db)
    {
        if (user.SeesAllRecords || user.IsInRole(Roles.GrantOfficer)) return funding;
        var me = user.Id;
        return funding.Where(f => f.OwnerId == me || db.Proposals.Any(p => p.Id == f.ProposalId && p.OwnerId == me));
    }

    public static bool CanEdit(this FundingSource funding, CurrentUser user, bool ownsProposal) =>
        user.IsInRole(Roles.Investigator) && (funding.OwnerId == user.Id || ownsProposal);
}
