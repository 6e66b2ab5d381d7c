using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

public sealed record PolicySettingChange(string Path, JsonElement? From, JsonElement? To);

public sealed record RiskPolicyDiffResponse(int Number, int? AgainstNumber, IReadOnlyList<PolicySettingChange> Added, IReadOnlyList<PolicySettingChange> Removed,
    IReadOnlyList<PolicySettingChange> Changed);

/// <summary>
/// What a version changes, setting by setting (<c>rules.same-party-several-researchers.windowDays: 31 → 14</c>), against
/// <c>?against=n</c> or, by default, the version in force (or the previous number when this one is in force).
/// </summary>
public static class DiffRiskPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{number:int}/diff", Handle).WithName(nameof(DiffRiskPolicy))
            .WithSummary("Compare risk policies")
            .WithDescription("The settings changed between a version and the one before it (or `against`).");

    public static async Task<Results<Ok<RiskPolicyDiffResponse>, NotFound>> Handle(int number, [FromQuery] int? against, ResearchSecurityDbContext db,
        CancellationToken ct)
    {
        var version = await db.RiskPolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        if (version is null) return TypedResults.NotFound();
        RiskPolicyVersion? baseline;
        if (against is { } n)
        {
            baseline = await db.RiskPolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == n, ct);
            if (baseline is null) return TypedResults.NotFound();
        }
        else
        {
            baseline = await db.RiskPolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == RiskPolicyStatus.Active && v.Number != number, ct)
                ?? await db.RiskPolicyVersions.AsNoTracking().Where(v => v.Number < number).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        }
        var now = Flatten(RiskProjection.Parse(version.Document));
        var was = baseline is null ? [] : Flatten(RiskProjection.Parse(baseline.Document));
        return TypedResults.Ok(new RiskPolicyDiffResponse(number, baseline?.Number,
            now.Keys.Except(was.Keys).Order(StringComparer.Ordinal).Select(k => new PolicySettingChange(k, null, now[k])).ToList(),
            was.Keys.Except(now.Keys).Order(StringComparer.Ordinal).Select(k => new PolicySettingChange(k, was[k], null)).ToList(),
            now.Keys.Intersect(was.Keys).Where(k => !JsonElement.DeepEquals(now[k], was[k])).Order(StringComparer.Ordinal)
                .Select(k => new PolicySettingChange(k, was[k], now[k])).ToList()));
    }

    /// <summary>Leaf settings by path; arrays count as one setting (a list of domains or words).</summary>
    private static Dictionary<string, JsonElement> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
            else result[path] = e;
        }
        Walk(root, "");
        return result;
    }
}
