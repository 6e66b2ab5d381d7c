using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// Reads the name-bearing fields of stored records: one subject for a screening job, or all of them in key order,
/// page by page, for a re-screen after a list changes.
/// </summary>
public static class SubjectCatalog
{
    public static async Task<ScreeningSubject?> LoadAsync(ResearchSecurityDbContext db, SubjectKey key, CancellationToken ct)
    {
        var page = await PageAsync(db, key.Type, after: null, only: key.Id, size: 1, ct);
        return page.FirstOrDefault();
    }

    /// <summary>Subjects of one type with ids greater than <paramref name="after"/>, in id order.</summary>
    public static async Task<IReadOnlyList<ScreeningSubject>> PageAsync(ResearchSecurityDbContext db, string type, Guid? after, Guid? only,
        int size, CancellationToken ct)
    {
        var a = after ?? Guid.Empty;
        switch (type)
        {
            case SubjectTypes.Partner:
            {
                var rows = await db.PartnerOrganisations.AsNoTracking().Where(p => (only == null || p.Id == only) && p.Id.CompareTo(a) > 0)
                    .OrderBy(p => p.Id).Take(size).Select(p => new { p.Id, p.ProposalId, p.Name, p.Address, p.Country }).ToListAsync(ct);
                return rows.Select(p => Subject(type, p.Id, p.ProposalId, null,
                    (ScreenedFields.Name, p.Name, p.Country), (ScreenedFields.Address, p.Address, p.Country))).ToList();
            }
            case SubjectTypes.Affiliation:
            {
                var rows = await db.Affiliations.AsNoTracking().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size).Select(x => new { x.Id, x.PersonId, x.OrganisationName, x.Country }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, null, x.PersonId, (ScreenedFields.OrganisationName, x.OrganisationName, x.Country))).ToList();
            }
            case SubjectTypes.TalentProgram:
            {
                var rows = await db.TalentPrograms.AsNoTracking().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size).Select(x => new { x.Id, x.PersonId, x.ProgramName, x.Sponsor }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, null, x.PersonId,
                    (ScreenedFields.ProgramName, x.ProgramName, null), (ScreenedFields.Sponsor, x.Sponsor, null))).ToList();
            }
            case SubjectTypes.Visit:
            {
                var rows = await db.Visits.AsNoTracking().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size).Select(x => new { x.Id, x.PersonId, x.ProposalId, x.Sponsor }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, x.ProposalId, x.PersonId, (ScreenedFields.Sponsor, x.Sponsor, null))).ToList();
            }
            case SubjectTypes.Person:
            {
                var rows = await db.People.AsNoTracking().IgnoreAutoIncludes().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size)
                    .Select(x => new { x.Id, x.EmailDomain, x.Declarations.ForeignFundingDetails }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, null, x.Id,
                    (ScreenedFields.EmailDomain, x.EmailDomain, null), (ScreenedFields.ForeignFundingDetails, x.ForeignFundingDetails, null))).ToList();
            }
            case SubjectTypes.FundingSource:
            {
                var rows = await db.FundingSources.AsNoTracking().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size)
                    .Select(x => new { x.Id, x.ProposalId, x.PersonId, x.FunderName, x.Sponsor, x.Payer, x.Country }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, x.ProposalId, x.PersonId, (ScreenedFields.FunderName, x.FunderName, x.Country),
                    (ScreenedFields.Sponsor, x.Sponsor, x.Country), (ScreenedFields.Payer, x.Payer, x.Country))).ToList();
            }
            case SubjectTypes.ApproachReport:
            {
                var rows = await db.ApproachReports.AsNoTracking().Where(x => (only == null || x.Id == only) && x.Id.CompareTo(a) > 0)
                    .OrderBy(x => x.Id).Take(size).Select(x => new { x.Id, x.ApproacherOrganisation, x.ApproacherName, x.Country }).ToListAsync(ct);
                return rows.Select(x => Subject(type, x.Id, null, null, (ScreenedFields.ApproacherOrganisation, x.ApproacherOrganisation, x.Country),
                    (ScreenedFields.ApproacherName, x.ApproacherName, x.Country))).ToList();
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown screening subject type.");
        }
    }

    public static async Task<int> CountAsync(ResearchSecurityDbContext db, CancellationToken ct) =>
        await db.PartnerOrganisations.CountAsync(ct) + await db.Affiliations.CountAsync(ct) + await db.TalentPrograms.CountAsync(ct)
        + await db.Visits.CountAsync(ct) + await db.People.IgnoreAutoIncludes().CountAsync(ct) + await db.FundingSources.CountAsync(ct)
        + await db.ApproachReports.CountAsync(ct);

    /// <summary>Every screened subject of a proposal: partners, its funding, and its members with their affiliations etc.</summary>
    public static async Task<IReadOnlyList<(SubjectKey Key, Guid? ProposalId, Guid? PersonId)>> OfProposalAsync(
        ResearchSecurityDbContext db, Guid proposalId, CancellationToken ct)
    {
        var people = await db.ProposalMembers.AsNoTracking().Where(m => m.ProposalId == proposalId).Select(m => m.PersonId).ToListAsync(ct);
        var result = new List<(SubjectKey, Guid?, Guid?)>();
        result.AddRange((await db.PartnerOrganisations.AsNoTracking().Where(p => p.ProposalId == proposalId).Select(p => p.Id).ToListAsync(ct))
            .Select(id => (new SubjectKey(SubjectTypes.Partner, id), (Guid?)proposalId, (Guid?)null)));
        result.AddRange((await db.FundingSources.AsNoTracking().Where(f => f.ProposalId == proposalId).Select(f => new { f.Id, f.PersonId }).ToListAsync(ct))
            .Select(f => (new SubjectKey(SubjectTypes.FundingSource, f.Id), (Guid?)proposalId, f.PersonId)));
        result.AddRange(people.Select(p => (new SubjectKey(SubjectTypes.Person, p), (Guid?)null, (Guid?)p)));
        result.AddRange((await db.Affiliations.AsNoTracking().Where(a => people.Contains(a.PersonId)).Select(a => new { a.Id, a.PersonId }).ToListAsync(ct))
            .Select(a => (new SubjectKey(SubjectTypes.Affiliation, a.Id), (Guid?)null, (Guid?)a.PersonId)));
        result.AddRange((await db.TalentPrograms.AsNoTracking().Where(a => people.Contains(a.PersonId)).Select(a => new { a.Id, a.PersonId }).ToListAsync(ct))
            .Select(a => (new SubjectKey(SubjectTypes.TalentProgram, a.Id), (Guid?)null, (Guid?)a.PersonId)));
        result.AddRange((await db.Visits.AsNoTracking().Where(a => people.Contains(a.PersonId)).Select(a => new { a.Id, a.PersonId, a.ProposalId }).ToListAsync(ct))
            .Select(a => (new SubjectKey(SubjectTypes.Visit, a.Id), a.ProposalId, (Guid?)a.PersonId)));
        return result;
    }

    private static ScreeningSubject Subject(string type, Guid id, Guid? proposalId, Guid? personId, params (string Field, string? Text, string? Country)[] fields) =>
        new(type, id, proposalId, personId, fields
            .Where(f => !string.IsNullOrWhiteSpace(f.Text))
            .Select(f => new ScreenedField(f.Field, f.Text!.Trim(), string.IsNullOrWhiteSpace(f.Country) ? null : f.Country.Trim().ToLowerInvariant()))
            .ToList());
}
