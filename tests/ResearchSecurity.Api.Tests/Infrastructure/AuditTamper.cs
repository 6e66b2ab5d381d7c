using System.Net;
using System.Text.Json;
using Npgsql;
using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>What the audit-trail tests do: write some history, verify it, and tamper with it as a superuser would.</summary>
public static class AuditTamper
{
    public static async Task<JsonElement> VerifyAsync(ApiFactory api) =>
        await (await api.ClientFor(ApiFactory.NewUser("aud"), Roles.Auditor).PostAsync("/api/v1/audit/verify", null)).ShouldBe(HttpStatusCode.OK);

    public static async Task SeedEventsAsync(ApiFactory api, int proposals)
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        for (var i = 0; i < proposals; i++) await pi.CreateProposalAsync(withPerson: false, title: $"Audited proposal {i}");
    }

    public static async Task ExecuteAsSuperuserAsync(ApiFactory api, string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        // A superuser can switch triggers off for its session: exactly the insider the hash chain is there to catch.
        await new NpgsqlCommand("SET session_replication_role = replica", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
