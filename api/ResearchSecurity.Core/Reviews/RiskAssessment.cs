using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Core.Reviews;

/// <summary>Thresholds on (list severity × match score) that set the provisional risk level. Configuration, not code.</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";
    public double Critical { get; set; } = 3.2;
    public double High { get; set; } = 2.4;
    public double Medium { get; set; } = 1.2;
}

/// <summary>
/// The provisional risk level of a proposal, derived from its screening hits: each open or confirmed active hit
/// weighs its list's severity (1–4) times its match score (a confirmed true match counts as 1.0); the heaviest hit
/// sets the level. A sensitive technology area combined with any such hit raises the level by one step (Canada's
/// STRA/NRO rule). Hits cleared as false positives and historical hits do not count.
/// </summary>
public static class RiskAssessment
{
    public sealed record HitInput(ScreeningHit Hit, string WatchlistName, int Severity);

    public static (RiskLevel Level, IReadOnlyList<string> Reasons) Assess(IEnumerable<HitInput> hits, bool sensitiveArea, RiskOptions options)
    {
        var counted = hits
            .Where(h => h.Hit.Status == HitStatus.Active && h.Hit.Disposition != Disposition.FalsePositive)
            .Select(h => (h.Hit, h.WatchlistName, Weight: h.Severity * (h.Hit.Disposition == Disposition.TrueMatch ? 1.0 : h.Hit.Score)))
            .OrderByDescending(h => h.Weight)
            .ToList();
        if (counted.Count == 0) return (RiskLevel.None, ["No open or confirmed screening hits."]);

        var top = counted[0].Weight;
        var level = top >= options.Critical ? RiskLevel.Critical
            : top >= options.High ? RiskLevel.High
            : top >= options.Medium ? RiskLevel.Medium
            : RiskLevel.Low;
        var reasons = counted.Take(5).Select(h =>
            $"{h.Hit.Field} \"{h.Hit.TextScreened}\" matches {h.WatchlistName}: {h.Hit.EntityName} (score {h.Hit.Score:0.00}, {(h.Hit.Disposition == Disposition.TrueMatch ? "confirmed" : "open")}, weight {h.Weight:0.00})")
            .ToList();
        if (sensitiveArea && level < RiskLevel.Critical)
        {
            level++;
            reasons.Add("Sensitive technology area combined with a listed institution: raised one level.");
        }
        return (level, reasons);
    }
}
