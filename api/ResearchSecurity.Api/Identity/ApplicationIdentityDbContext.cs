using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Users, roles and OpenIddict's applications/authorizations/tokens. Kept apart from the records context (own
/// migrations and history table, same database, own schema "identity") so identity changes never touch the
/// records model and its tables cannot collide with record tables.
/// </summary>
public sealed class ApplicationIdentityDbContext(DbContextOptions<ApplicationIdentityDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public const string Schema = "identity";
    public const string MigrationsHistoryTable = "__ef_identity_migrations_history";

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, Schema))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        // Identity and OpenIddict name their tables explicitly ("AspNetUsers", "OpenIddictTokens"), which the
        // snake_case convention leaves alone; give them plain snake_case names inside the schema instead.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            entity.SetTableName(SnakeCase(table.Replace("AspNet", "", StringComparison.Ordinal).Replace("OpenIddict", "Oidc", StringComparison.Ordinal)));
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>Lets `dotnet ef migrations add --context ApplicationIdentityDbContext` build the model without a host.</summary>
internal sealed class ApplicationIdentityDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationIdentityDbContext>
{
    public ApplicationIdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ApplicationIdentityDbContext>();
        ApplicationIdentityDbContext.Configure(options, "Host=localhost;Database=design_time");
        return new ApplicationIdentityDbContext(options.Options);
    }
}
