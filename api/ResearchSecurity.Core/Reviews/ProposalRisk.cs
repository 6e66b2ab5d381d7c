using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reference;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Reviews;

/// <summary>The hits that concern a proposal, and its risk level recomputed from them.</summary>
public static class ProposalRisk
{
    /// <summary>Hits on the proposal's own subjects (partners, funding) and on the people named on it.</summary>
    public static IQueryable<ScreeningHit> HitsFor(ResearchSecurityDbContext db, Guid proposalId) =>
        db.ScreeningHits.Where(h => h.ProposalId == proposalId
            || (h.PersonId != null && db.ProposalMembers.Any(m => m.ProposalId == proposalId && m.PersonId == h.PersonId)));

    public static async Task<RiskLevel> RecalculateAsync(ResearchSecurityDbContext db, Proposal proposal, RiskOptions options, CancellationToken ct)
    {
        var hits = await HitsFor(db, proposal.Id).ToListAsync(ct);
        var lists = await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var sensitive = proposal.TechnologyAreas.Any(code => TechnologyArea.Seed.Any(t => t.Code == code && t.IsSensitive));
        var inputs = hits.Select(h => lists.TryGetValue(h.WatchlistId, out var list)
            ? new RiskAssessment.HitInput(h, list.DisplayName, list.Severity)
            : new RiskAssessment.HitInput(h, h.WatchlistId, 2));
        var (level, reasons) = RiskAssessment.Assess(inputs, sensitive, options);
        proposal.SetRisk(level, string.Join('\n', reasons));
        return level;
    }
}
