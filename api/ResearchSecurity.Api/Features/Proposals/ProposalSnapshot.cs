using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>The audited view of a proposal: what a reviewer would need to see changed.</summary>
internal static class ProposalSnapshot
{
    public static object Of(Proposal p) => new
    {
        p.Title, p.Summary, p.TechnologyAreas, p.PlannedStart, p.PlannedEnd, Status = p.Status.ToString(),
        Partners = p.Partners.Select(x => new { x.Id, x.Name, x.Country, x.Website, x.Address, x.ContactEmail, x.ContactPhone, Role = x.Role.ToString() }).ToList(),
        Members = p.Members.Select(m => new { m.PersonId, Role = m.Role.ToString() }).ToList(),
    };
}
