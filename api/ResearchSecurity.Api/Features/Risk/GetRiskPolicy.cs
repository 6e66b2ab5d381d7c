using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>One policy version with its document.</summary>
public static class GetRiskPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{number:int}", Handle).WithName(nameof(GetRiskPolicy))
            .WithSummary("Get a risk policy")
            .WithDescription("One risk-policy version and its document.");

    public static async Task<Results<Ok<RiskPolicyVersionResponse>, NotFound>> Handle(int number, ResearchSecurityDbContext db, CancellationToken ct) =>
        await db.RiskPolicyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct) is { } v
            ? TypedResults.Ok(v.ToResponse(withDocument: true))
            : TypedResults.NotFound();
}
