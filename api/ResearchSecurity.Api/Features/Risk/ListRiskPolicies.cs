using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>Every stored policy version, newest first; the one in force has status "active".</summary>
public static class ListRiskPolicies
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", Handle).WithName(nameof(ListRiskPolicies))
            .WithSummary("List risk policies")
            .WithDescription("Every uploaded risk-policy version, and which is in force.");

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<List<RiskPolicyVersionResponse>>> Handle(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var versions = await db.RiskPolicyVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(v => v.ToResponse()).ToList());
    }
}
