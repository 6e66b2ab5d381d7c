using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests;

/// <summary>The model each context builds and its migrations' snapshot agree: no change awaits `migrations add`.</summary>
public sealed class MigrationDriftTests
{
    // The model is built offline; the connection string is never opened.
    private const string Unused = "Host=127.0.0.1;Database=drift_check";

    [Fact]
    public void RecordsContext_HasNoModelChangesMissingFromItsMigrations()
    {
        var options = new DbContextOptionsBuilder<ResearchSecurityDbContext>();
        DatabaseSetup.Configure(options, Unused);
        using var db = new ResearchSecurityDbContext(options.Options, new SystemAuditContext("drift-test"), TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for ResearchSecurityDbContext");
    }

    [Fact]
    public void IdentityContext_HasNoModelChangesMissingFromItsMigrations()
    {
        var options = new DbContextOptionsBuilder<ApplicationIdentityDbContext>();
        ApplicationIdentityDbContext.Configure(options, Unused);
        using var db = new ApplicationIdentityDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for ApplicationIdentityDbContext");
    }
}
