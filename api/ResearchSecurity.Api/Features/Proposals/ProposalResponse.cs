using ResearchSecurity.Api.Features.Funding;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public sealed record PartnerResponse(
    Guid Id, string Name, string Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone, PartnerRole Role);

public sealed record MemberResponse(Guid Id, Guid PersonId, string PersonName, MemberRole Role);

public sealed record ProposalResponse(
    Guid Id, string Title, string? Summary, IReadOnlyList<string> TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    string OwnerId, ProposalStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string ETag, IReadOnlyList<PartnerResponse> Partners, IReadOnlyList<MemberResponse> Members,
    IReadOnlyList<FundingSourceResponse> FundingSources);

public sealed record ProposalSummary(
    Guid Id, string Title, string OwnerId, ProposalStatus Status, IReadOnlyList<string> TechnologyAreas,
    int PartnerCount, int MemberCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public static class ProposalProjection
{
    /// <summary>Loads one proposal as the API shows it, with people's names and the funding linked to it.</summary>
    public static Task<ProposalResponse?> LoadAsync(this IQueryable<Proposal> query, ResearchSecurityDbContext db, CancellationToken ct) =>
        query.AsSplitQuery().Select(p => new ProposalResponse(
                p.Id, p.Title, p.Summary, p.TechnologyAreas, p.PlannedStart, p.PlannedEnd, p.OwnerId, p.Status, p.SubmittedAt,
                p.CreatedAt, p.UpdatedAt, "\"" + p.Version + "\"",
                p.Partners.OrderBy(x => x.Name).Select(x => new PartnerResponse(
                    x.Id, x.Name, x.Country, x.Website, x.Address, x.ContactEmail, x.ContactPhone, x.Role)).ToList(),
                (from m in p.Members
                 join person in db.People on m.PersonId equals person.Id
                 orderby person.Name
                 select new MemberResponse(m.Id, m.PersonId, person.Name, m.Role)).ToList(),
                db.FundingSources.Where(f => f.ProposalId == p.Id).OrderBy(f => f.CreatedAt).Select(FundingProjection.ToResponse).ToList()))
            .FirstOrDefaultAsync(ct);
}
