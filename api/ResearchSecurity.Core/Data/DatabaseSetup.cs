using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ResearchSecurity.Core.Data;

public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        // Split queries: records auto-include several child collections, and one JOIN across them would multiply rows.
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();

    public static IServiceCollection AddResearchSecurityData(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<ResearchSecurityDbContext>(o => Configure(o, connectionString));
        return services;
    }
}
