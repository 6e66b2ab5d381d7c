using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Cli;

/// <summary>Database access for CLI verbs: a context without the screening-request interceptor (verbs schedule nothing).</summary>
internal static class CliDatabase
{
    public static ResearchSecurityDbContext Open(string connectionString, string actor)
    {
        var options = new DbContextOptionsBuilder<ResearchSecurityDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new ResearchSecurityDbContext(options.Options, new SystemAuditContext(actor), TimeProvider.System);
    }

    /// <summary>--connection, else the ConnectionStrings__Default environment variable the hosts use.</summary>
    public static string ConnectionString(CliArgs args) =>
        args.One("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default")
        ?? throw new ArgumentException("give --connection or set ConnectionStrings__Default");

    /// <summary>Creates a new, migrated database on the server of <paramref name="serverConnectionString"/> and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string serverConnectionString, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        await using var db = Open(cs, "cli");
        await db.Database.MigrateAsync();
        return cs;
    }
}
