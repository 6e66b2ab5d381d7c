using Npgsql;

namespace ResearchSecurity.Web.Tests.Infrastructure;

/// <summary>A fresh database on the throwaway PostgreSQL cluster that infra/test.sh starts (RS_TEST_PG). No fallback.</summary>
public static class TestDatabase
{
    public static async Task<string> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("RS_TEST_PG")
            ?? throw new InvalidOperationException("RS_TEST_PG is not set. Run the tests with infra/test.sh, which starts a throwaway PostgreSQL cluster and sets it.");
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
