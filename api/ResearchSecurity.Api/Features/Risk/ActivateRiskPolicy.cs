using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Features.Jobs;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>Puts a policy version in force; answers 202 with the re-assessment job to follow at <c>/api/v1/jobs/{id}</c>.</summary>
public static class ActivateRiskPolicy
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{number:int}/activate", Handle).WithName(nameof(ActivateRiskPolicy))
            .WithSummary("Put a risk policy in force")
            .WithDescription("Makes the version the one proposals are scored with and queues re-scoring; answers 202 with the job.")
            .ProducesConflict()
            .RequireAuthorization(Policies.RiskPoliciesManage);

    public static async Task<Results<Accepted<JobResponse>, NotFound>> Handle(int number, ResearchSecurityDbContext db, CurrentUser user,
        IBackgroundJobClient jobs, CancellationToken ct)
    {
        var version = await db.RiskPolicyVersions.FirstOrDefaultAsync(v => v.Number == number, ct);
        if (version is null) return TypedResults.NotFound();
        var progress = await RiskPolicyActivation.ActivateAsync(db, jobs, version, user.Id, ct);
        return TypedResults.Accepted($"/api/v1/jobs/{progress.Id}", progress.ToResponse(db.Clock.GetUtcNow()));
    }
}
