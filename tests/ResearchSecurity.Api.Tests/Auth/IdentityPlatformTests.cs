using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class IdentityPlatformTests(ApiFactory api)
{
    [Fact]
    public async Task IdentityMigrations_ApplyToAnEmptyDatabase_IntoTheirOwnSchemaUsableByTheApplicationRole()
    {
        var connectionString = await TestDatabase.CreateAsync("rs_identity");
        var options = new DbContextOptionsBuilder<ApplicationIdentityDbContext>();
        ApplicationIdentityDbContext.Configure(options, connectionString);
        await using var db = new ApplicationIdentityDbContext(options.Options);

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'identity'", connection);
        var names = ((string)(await tables.ExecuteScalarAsync())!).Split(',');
        Assert.Contains("__ef_identity_migrations_history", names);
        Assert.Contains("users", names);
        Assert.Contains("oidc_applications", names);
        Assert.Contains("oidc_tokens", names);

        // The application's database role can use the identity tables.
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("SET LOCAL ROLE rs_app", connection, transaction).ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM identity.users", connection, transaction);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Seeding_RunTwice_CreatesEachRoleClientAndUserOnce()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<IdentitySeeder>(scope.ServiceProvider);
        var output = new StringWriter();
        await seeder.SeedRolesAsync();
        await seeder.SeedClientsAsync(output);
        await seeder.SeedUsersAsync(output);
        await seeder.SeedUsersAsync(output);
        Assert.Contains("investigator   Investigator       password: ", output.ToString());
        Assert.Contains("investigator   Investigator       (exists; password unchanged)", output.ToString());

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        Assert.Equal(Roles.All.Order(), (await roles.Roles.Select(r => r.Name!).ToListAsync()).Order());
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal(2L, await applications.CountAsync());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (userName, role) in IdentitySeeder.DevelopmentUsers)
        {
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            Assert.Equal([role], await users.GetRolesAsync(user));
        }
    }

    [Fact]
    public async Task GeneratedPasswords_SatisfyThePasswordPolicy()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var validator = users.PasswordValidators.Single();
        for (var i = 0; i < 20; i++)
        {
            var result = await validator.ValidateAsync(users, new ApplicationUser(), IdentitySeeder.NewPassword());
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A host where Api:EnableDevelopmentAuthentication is false, as in production configuration.</summary>
public sealed class NoDevelopmentAuthApiFactory : ApiFactory
{
    protected override bool DevelopmentAuthentication => false;
}

public sealed class DevelopmentAuthenticationOffTests(NoDevelopmentAuthApiFactory api) : IClassFixture<NoDevelopmentAuthApiFactory>
{
    [Fact]
    public async Task DevelopmentHeaders_WhenDisabled_AreIgnoredAndTheCallerIsAnonymous()
    {
        var response = await api.ClientFor("someone", Roles.Auditor).GetAsync("/api/v1/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_WhenDevelopmentAuthenticationIsDisabled_StillWorks()
    {
        var tokens = await new OidcTestClient(api).ClientCredentialsAsync("funding.read");
        var client = new OidcTestClient(api).Bearer(tokens.GetProperty("access_token").GetString()!);
        await (await client.GetAsync("/api/v1/funding-sources")).ShouldBe(HttpStatusCode.OK);
    }
}
