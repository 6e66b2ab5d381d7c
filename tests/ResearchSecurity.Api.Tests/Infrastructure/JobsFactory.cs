using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>
/// The API host plus a real Hangfire server in the same process, on the test's own PostgreSQL database (Hangfire's
/// schema included). Short coalescing and polling intervals keep the tests quick; retries are one second apart.
/// </summary>
public sealed class JobsFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:CoalesceDelay", "00:00:01.500");
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Jobs:SchedulePollingInterval", "00:00:00.200");
        builder.UseSetting("Jobs:RetryAttempts", "1");
        builder.UseSetting("Jobs:RetryDelaysSeconds:0", "1");
        builder.UseSetting("Jobs:RescreenBatchSize", "50");
        // The embedded default: the candidate index on disk (per process, rebuilt from the database).
        builder.UseSetting("Screening:IndexPath", Path.Combine(Path.GetTempPath(), "rs-test-index"));
        builder.ConfigureTestServices(services =>
        {
            services.AddResearchSecurityJobServer("test-server");
            // Jobs performed by the in-process server are audited as the worker, like in the worker host.
            services.AddScoped<IAuditContext>(sp => JobContextFilter.CurrentJobId is { } jobId
                ? new SystemAuditContext("worker", jobId)
                : ActivatorUtilities.CreateInstance<HttpAuditContext>(sp));
        });
    }

    public HttpClient Admin() => ClientFor("admin-1", Roles.Administrator);
}

[CollectionDefinition(Name)]
public sealed class JobsCollection : ICollectionFixture<JobsFactory>
{
    public const string Name = "jobs";
}
