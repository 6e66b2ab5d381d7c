using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

public sealed record PolicyReference(int Version, string PolicyId, string? DecisionLabel);

/// <summary>One contributing factor: a screening hit or an open red flag, with its weight and evidence.</summary>
public sealed record RiskFactorResponse(string Kind, string Code, string Title, double Weight, Guid? HitId, Guid? FlagId, RiskLevel? MinimumLevel,
    JsonElement? Evidence, bool EvidenceWithheld);

public sealed record RiskFlagResponse(Guid Id, string Rule, string Title, string Explanation, string Status, double Weight, RiskLevel? MinimumLevel,
    string? Decision, JsonElement? Evidence, bool EvidenceWithheld, int PolicyVersion, DateTimeOffset RaisedAt, DateTimeOffset LastAssessedAt,
    string? DismissedBy, DateTimeOffset? DismissedAt, string? DismissalReason, DateTimeOffset? ReRaisedAt, string? ReRaisedReason);

/// <summary>A proposal's risk: level, combined score, the policy version, every factor, and every flag (open, dismissed, resolved).</summary>
public sealed record ProposalRiskResponse(Guid ProposalId, RiskLevel Level, double Score, PolicyReference Policy, DateTimeOffset? AssessedAt,
    IReadOnlyList<RiskFactorResponse> Factors, IReadOnlyList<RiskFlagResponse> Flags);

public static class RiskProjection
{
    /// <param name="withholdCrossRecord">Investigators do not see evidence that names other proposals' records.</param>
    public static async Task<ProposalRiskResponse> LoadAsync(ResearchSecurityDbContext db, Proposal proposal, bool withholdCrossRecord, CancellationToken ct)
    {
        var record = await db.ProposalRiskRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ProposalId == proposal.Id, ct);
        var flags = await db.RiskFlags.AsNoTracking().Where(f => f.ProposalId == proposal.Id)
            .OrderBy(f => f.Status).ThenByDescending(f => f.Weight).ThenBy(f => f.RaisedAt).ToListAsync(ct);
        var crossRecord = flags.Where(f => f.CrossRecord).Select(f => f.Id).ToHashSet();
        var policy = record is null
            ? await RiskPolicies.ActiveAsync(db, ct) is var active ? new PolicyReference(active.Version, active.PolicyId, active.Document.LabelFor(proposal.RiskLevel)) : null!
            : new PolicyReference(record.PolicyVersion, record.PolicyId, record.DecisionLabel);
        var factors = record is null ? [] : JsonSerializer.Deserialize<List<RiskFactor>>(record.Factors, JsonSerializerOptions.Web)!;
        return new ProposalRiskResponse(proposal.Id, record?.Level ?? proposal.RiskLevel, record?.Score ?? 0, policy, record?.AssessedAt,
            factors.Select(f =>
            {
                var withheld = withholdCrossRecord && f.FlagId is { } id && crossRecord.Contains(id);
                return new RiskFactorResponse(f.Kind, f.Code, f.Title, f.Weight, f.HitId, f.FlagId, f.MinimumLevel,
                    withheld || f.Evidence is null ? null : Parse(f.Evidence), withheld);
            }).ToList(),
            flags.Select(f =>
            {
                var withheld = withholdCrossRecord && f.CrossRecord;
                return new RiskFlagResponse(f.Id, f.Rule, f.Title, withheld ? "Found by comparing with other records; a reviewer sees the details." : f.Explanation,
                    f.Status.ToString().ToLowerInvariant(), f.Weight, f.MinimumLevel, f.Decision, withheld ? null : Parse(f.Evidence), withheld, f.PolicyVersion,
                    f.RaisedAt, f.LastAssessedAt, f.DismissedBy, f.DismissedAt, f.DismissalReason, f.ReRaisedAt, f.ReRaisedReason);
            }).ToList());
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
