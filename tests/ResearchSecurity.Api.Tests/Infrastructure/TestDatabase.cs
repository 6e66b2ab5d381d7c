using Npgsql;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>
/// A fresh database on the throwaway PostgreSQL cluster that infra/test.sh starts (RS_TEST_PG).
/// There is deliberately no fallback to an in-memory provider: these tests exist to exercise the real database.
/// </summary>
public static class TestDatabase
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("RS_TEST_PG")
        ?? throw new InvalidOperationException(
            "RS_TEST_PG is not set. Run the tests with infra/test.sh, which starts a throwaway PostgreSQL cluster and sets it.");

    public static async Task<string> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
