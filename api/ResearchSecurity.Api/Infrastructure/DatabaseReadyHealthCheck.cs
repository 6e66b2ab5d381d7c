using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>Ready means: the database answers and every migration this build knows is applied.</summary>
public sealed class DatabaseReadyHealthCheck(ResearchSecurityDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("Database unreachable.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable; migrations applied.")
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Database check failed.", e);
        }
    }
}
