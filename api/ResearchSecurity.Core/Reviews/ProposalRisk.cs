using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reference;
using ResearchSecurity.Core.Risk;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Reviews;

/// <summary>The hits that concern a proposal, and its risk level recomputed from them and its open red flags.</summary>
public static class ProposalRisk
{
    /// <summary>Hits on the proposal's own subjects (partners, funding) and on the people named on it.</summary>
    public static IQueryable<ScreeningHit> HitsFor(ResearchSecurityDbContext db, Guid proposalId) =>
        db.ScreeningHits.Where(h => h.ProposalId == proposalId
            || (h.PersonId != null && db.ProposalMembers.Any(m => m.ProposalId == proposalId && m.PersonId == h.PersonId)));

    /// <summary>
    /// Re-derives the level from the stored hits and flags (the rules themselves run in <see cref="RiskAssessor"/>),
    /// under the policy in force, and keeps the factors with their evidence in the proposal's <see cref="ProposalRiskRecord"/>.
    /// </summary>
    public static async Task<RiskLevel> RecalculateAsync(ResearchSecurityDbContext db, Proposal proposal, RiskOptions options, CancellationToken ct)
    {
        var policy = await RiskPolicies.ActiveAsync(db, ct);
        var hits = await HitsFor(db, proposal.Id).ToListAsync(ct);
        var flags = await db.RiskFlags.Where(f => f.ProposalId == proposal.Id).ToListAsync(ct);
        // Flags changed in this unit of work but not yet saved count as they are now.
        flags = flags.Union(db.ChangeTracker.Entries<RiskFlag>().Where(e => e.Entity.ProposalId == proposal.Id).Select(e => e.Entity)).ToList();
        var lists = await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var sensitive = proposal.TechnologyAreas.Any(code => TechnologyArea.Seed.Any(t => t.Code == code && t.IsSensitive));
        var hitFactors = hits.Where(h => h.Status == HitStatus.Active && h.Disposition != Disposition.FalsePositive).Select(h => Factor(h.Id, h.WatchlistId, h.Field, h.TextScreened, h.EntityName, h.Score, h.Disposition, lists)).ToList();
        var (level, score, factors, reasons) = RiskScoring.Combine(hitFactors, flags, sensitive, policy.Document, options);
        proposal.SetRisk(level, string.Join('\n', reasons));

        var record = await db.ProposalRiskRecords.FindAsync([proposal.Id], ct);
        if (record is null) db.ProposalRiskRecords.Add(record = ProposalRiskRecord.For(proposal.Id));
        record.Set(level, score, JsonSerializer.Serialize(factors, JsonSerializerOptions.Web), policy.Version, policy.PolicyId,
            policy.Document.LabelFor(level), db.Clock.GetUtcNow());
        return level;
    }

    /// <summary>A counted hit as a factor: its list's severity (1–4) times its match score (a confirmed match counts 1.0).</summary>
    public static RiskFactor Factor(Guid hitId, string watchlistId, string field, string text, string entityName, double score, Disposition disposition,
        IReadOnlyDictionary<string, Watchlists.Watchlist> lists)
    {
        var (name, severity) = lists.TryGetValue(watchlistId, out var list) ? (list.DisplayName, list.Severity) : (watchlistId, 2);
        var weight = Math.Round(severity * (disposition == Disposition.TrueMatch ? 1.0 : score), 3);
        return new RiskFactor("hit", watchlistId,
            $"{field} \"{text}\" matches {name}: {entityName} (score {score:0.00}, {(disposition == Disposition.TrueMatch ? "confirmed" : "open")})",
            weight, hitId, null, null, null);
    }
}
