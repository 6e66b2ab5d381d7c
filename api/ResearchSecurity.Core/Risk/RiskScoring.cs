using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Core.Risk;

/// <summary>One contributing factor of a risk level: a screening hit or a red flag, with its weight and evidence.</summary>
public sealed record RiskFactor(string Kind, string Code, string Title, double Weight, Guid? HitId, Guid? FlagId, RiskLevel? MinimumLevel, string? Evidence);

/// <summary>
/// Combines hits and open flags into a level. The heaviest factor counts in full and each further one by the policy's
/// accumulation share; the score is cut by the thresholds (the policy's, else the configured Risk options); a flag's
/// minimum level (e.g. STRAC: Critical) then applies, and a sensitive technology area with a counted hit raises one step.
/// </summary>
public static class RiskScoring
{
    public const double DefaultAccumulation = 0.25;

    public static (RiskLevel Level, double Score, IReadOnlyList<RiskFactor> Factors, IReadOnlyList<string> Reasons) Combine(
        IReadOnlyList<RiskFactor> hitFactors, IEnumerable<RiskFlag> flags, bool sensitiveArea, RiskPolicyDocument policy, RiskOptions options)
    {
        var factors = hitFactors.Concat(flags.Where(f => f.Counts).Select(f =>
                new RiskFactor("flag", f.Rule, f.Title, f.Weight, null, f.Id, f.MinimumLevel, f.Evidence)))
            // A total order, so the same facts give the same reasons whatever order the flags were loaded in.
            .OrderByDescending(f => f.Weight).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Title, StringComparer.Ordinal).ThenBy(f => f.HitId ?? f.FlagId).ToList();
        var reasons = new List<string>();
        if (factors.Count == 0) return (RiskLevel.None, 0, factors, ["No open or confirmed screening hits and no open red flags."]);

        var accumulation = policy.Accumulation ?? DefaultAccumulation;
        var score = Math.Round(factors[0].Weight + accumulation * factors.Skip(1).Sum(f => f.Weight), 3);
        var (medium, high, critical) = policy.Levels is { Medium: { } m, High: { } h, Critical: { } c } ? (m, h, c) : (options.Medium, options.High, options.Critical);
        var level = score >= critical ? RiskLevel.Critical : score >= high ? RiskLevel.High : score >= medium ? RiskLevel.Medium : RiskLevel.Low;
        reasons.AddRange(factors.Take(8).Select(f => $"{f.Title} (weight {f.Weight:0.00})"));
        reasons.Add($"Score {score:0.00} under policy {policy.Id}: {level}.");
        if (factors.Where(f => f.MinimumLevel is not null).MaxBy(f => f.MinimumLevel) is { MinimumLevel: { } floor } strongest && floor > level)
        {
            level = floor;
            reasons.Add($"{strongest.Code} sets at least {floor}.");
        }
        if (sensitiveArea && policy.SensitiveAreaUplift != false && hitFactors.Count > 0 && level < RiskLevel.Critical)
        {
            level++;
            reasons.Add("Sensitive technology area combined with a listed institution: raised one level.");
        }
        return (level, score, factors, reasons);
    }
}
