using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PlatformTests(ApiFactory api)
{
    [Fact]
    public async Task HealthLiveAndReady_AnswerHealthyWithoutSignIn()
    {
        var anonymous = api.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending()
    {
        var connectionString = await TestDatabase.CreateAsync("rs_migrate");
        var options = new DbContextOptionsBuilder<ResearchSecurityDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new ResearchSecurityDbContext(options.Options, new SystemAuditContext("test"), TimeProvider.System);

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(17, await db.TechnologyAreas.CountAsync());
        Assert.Equal(0, await db.Proposals.CountAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryRecordsEndpoint()
    {
        var response = await api.ClientFor(null).GetAsync("/openapi/v1.json");
        var doc = await response.ShouldBe(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/proposals", "/api/v1/proposals/{id}", "/api/v1/proposals/{id}/submit", "/api/v1/proposals/{id}/withdraw",
            "/api/v1/people", "/api/v1/people/{id}", "/api/v1/funding-sources", "/api/v1/funding-sources/{id}", "/api/v1/technology-areas",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI document lacks {path}");
        var proposal = paths.GetProperty("/api/v1/proposals/{id}");
        Assert.True(proposal.TryGetProperty("put", out _));
        Assert.True(proposal.TryGetProperty("delete", out _));
    }

    [Fact]
    public async Task ApiEndpoint_Anonymous_Returns401()
    {
        await (await api.ClientFor(null).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await api.ClientFor(null).GetAsync("/api/v1/technology-areas")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiEndpoint_SignedInWithoutRole_Returns403()
    {
        await (await api.ClientFor("no-roles").GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TechnologyAreas_ListsSensitiveAreas()
    {
        var areas = await (await api.Investigator("pi-areas").GetAsync("/api/v1/technology-areas")).ShouldBe(HttpStatusCode.OK);
        var sensitive = areas.EnumerateArray().Where(a => a.GetProperty("isSensitive").GetBoolean()).Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("quantum", sensitive);
        Assert.Contains("weapons", sensitive);
        Assert.Contains("aerospace", sensitive);
    }

    [Fact]
    public async Task CorrelationId_IsEchoedAndStoredOnTheAuditEvent()
    {
        var client = api.Investigator(ApiFactory.NewUser());
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "trace-abc-123");
        var response = await client.PostAsync("/api/v1/people", System.Net.Http.Json.JsonContent.Create(Builders.Person()));
        var person = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("trace-abc-123", response.Headers.GetValues("X-Correlation-Id").Single());

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var evt = await db.AuditEvents.SingleAsync(a => a.SubjectId == person.Id());
        Assert.Equal(AuditEventType.PersonCreated, evt.EventType);
        Assert.Equal("trace-abc-123", evt.CorrelationId);
        Assert.Equal(evt.Hash, evt.ComputeHash());
    }

    [Fact]
    public async Task AuditEvents_AreChainedAndTheDatabaseRefusesUpdateAndDelete()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        await pi.CreateProposalAsync();

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using (var chain = new NpgsqlCommand(
            "SELECT count(*) FROM audit_events a JOIN audit_events b ON b.sequence = a.sequence + 1 WHERE b.previous_hash <> a.hash", connection))
        {
            Assert.Equal(0L, (long)(await chain.ExecuteScalarAsync())!);
        }
        var update = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("UPDATE audit_events SET reason = 'rewritten' WHERE sequence = 1", connection).ExecuteNonQueryAsync());
        Assert.Contains("append-only", update.MessageText);
        var delete = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("DELETE FROM audit_events WHERE sequence = 1", connection).ExecuteNonQueryAsync());
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public void ProductionConfiguration_DoesNotEnableDevelopmentSignIn()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "api/ResearchSecurity.Api/appsettings.json")));
        Assert.False(settings.RootElement.GetProperty("Api").GetProperty("EnableDevelopmentAuthentication").GetBoolean());
    }
}
