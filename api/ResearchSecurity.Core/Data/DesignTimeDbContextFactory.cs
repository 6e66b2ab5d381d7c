using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ResearchSecurity.Core.Audit;

namespace ResearchSecurity.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting a host or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ResearchSecurityDbContext>
{
    public ResearchSecurityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ResearchSecurityDbContext>();
        DatabaseSetup.Configure(options, "Host=localhost;Database=design_time");
        return new ResearchSecurityDbContext(options.Options, new SystemAuditContext("design-time"), TimeProvider.System);
    }
}
