using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Core.Jobs;

public static class JobsSetup
{
    public const string SchemaName = "hangfire";

    /// <summary>
    /// Hangfire on the product's PostgreSQL database (schema "hangfire"), the job classes, and the interceptor that
    /// turns changed records into screening requests. Hosts that process jobs add the server themselves.
    /// </summary>
    public static IServiceCollection AddResearchSecurityJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Audit.Anchoring.AuditAnchorOptions>().Bind(configuration.GetSection(Audit.Anchoring.AuditAnchorOptions.Section))
            .Validate(Audit.Anchoring.AuditAnchorOptions.IsValid, "Audit:Anchor:DigestDirectory needs a SigningKeyPath or a VerificationKeyPath.")
            .Validate<IHostEnvironment>((o, env) => !o.GenerateKeysIfMissing || env.IsDevelopment() || env.IsEnvironment("Testing"),
                "Audit:Anchor:GenerateKeysIfMissing is for local runs and tests only; production is given its key files.")
            .ValidateOnStart();
        services.AddOptions<ImportLimits>().Bind(configuration.GetSection(ImportLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ListSourceOptions>().Bind(configuration.GetSection(ListSourceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Storage, activator and filters are this host's own singletons, never Hangfire's process-wide globals: two hosts
        // in one process (the API and a server in tests) would otherwise run each other's jobs with each other's services.
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var storage = new PostgreSqlStorageOptions
            {
                SchemaName = SchemaName,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                // A worker that dies stops renewing its jobs' invisibility; another worker takes them over.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storage), storage);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var filters = new JobFilterCollection
            {
                new StatisticsHistoryAttribute(),
                new ContinuationsSupportAttribute(),
                new JobContextFilter(),
                new AutomaticRetryAttribute
                {
                    Attempts = options.RetryAttempts,
                    DelaysInSeconds = options.RetryDelaysSeconds,
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                },
            };
            return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
        });
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddOptions<ScreeningIndexOptions>().Bind(configuration.GetSection(ScreeningIndexOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp => new ActiveListsProvider(sp.GetRequiredService<IOptions<ScreeningIndexOptions>>()));
        services.AddScoped<ScreeningRequestInterceptor>();
        services.AddScoped<IInterceptor>(sp => sp.GetRequiredService<ScreeningRequestInterceptor>());
        services.AddScoped<Notifications.NotificationOutboxInterceptor>();
        services.AddScoped<IInterceptor>(sp => sp.GetRequiredService<Notifications.NotificationOutboxInterceptor>());
        services.AddOptions<Notifications.NotificationOptions>().Bind(configuration.GetSection(Notifications.NotificationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Notifications.DispatchNotificationJob>();
        services.AddScoped<Notifications.SendEmailJob>();
        services.AddScoped<Notifications.DeliverWebhookJob>();
        services.AddScoped<Notifications.SendDigestsJob>();
        services.AddScoped<Notifications.NotificationSweepJob>();
        services.AddHttpClient(Notifications.DeliverWebhookJob.HttpClientName);
        services.AddScoped<ScreenSubjectJob>();
        services.AddScoped<ScreenRunBatchJob>();
        services.AddScoped<Audit.Anchoring.AnchorAuditChainJob>();
        services.AddScoped<RescreenJob>();
        services.AddScoped<Risk.ReassessJob>();
        services.AddScoped<RefreshWatchlistJob>();
        services.AddScoped<ScreeningSweepJob>();
        ListSourceFetcher.Register(services);
        return services;
    }

    /// <summary>The Hangfire server of a worker host, with the recurring jobs (outbox sweep, URL list refreshes) kept in step.</summary>
    public static IServiceCollection AddResearchSecurityJobServer(this IServiceCollection services, string? serverName = null)
    {
        services.AddHangfireServer((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.WorkerCount = options.WorkerCount;
            o.SchedulePollingInterval = options.SchedulePollingInterval;
            o.ServerName = serverName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddHostedService<RecurringJobsSetup>();
        return services;
    }
}
