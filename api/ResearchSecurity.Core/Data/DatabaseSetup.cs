using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ResearchSecurity.Core.Data;

public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        // Split queries: records auto-include several child collections, and one JOIN across them would multiply rows.
        options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The same few statements run on every request; Npgsql prepares the most used ones per connection, so PostgreSQL
    /// stops parsing and planning them each time. A <c>Max Auto Prepare</c> in the connection string wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static IServiceCollection AddResearchSecurityData(this IServiceCollection services, string connectionString)
    {
        // Interceptors registered by other parts (e.g. the screening-request interceptor of the jobs setup) join every context.
        services.AddDbContext<ResearchSecurityDbContext>((sp, o) => Configure(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        return services;
    }
}
