using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Features.ApproachReports;
using ResearchSecurity.Api.Features.Audit;
using ResearchSecurity.Api.Features.Funding;
using ResearchSecurity.Api.Features.Imports;
using ResearchSecurity.Api.Features.Jobs;
using ResearchSecurity.Api.Features.Notifications;
using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Api.Features.Reference;
using ResearchSecurity.Api.Features.Registers;
using ResearchSecurity.Api.Features.Reviews;
using ResearchSecurity.Api.Features.Risk;
using ResearchSecurity.Api.Features.Screening;
using ResearchSecurity.Api.Features.Users;
using ResearchSecurity.Api.Features.Watchlists;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure.OpenApi;
using ResearchSecurity.Api.Infrastructure.Security;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddHostDefaults("rs-api");
builder.Services.AddApiOptions(builder.Configuration, builder.Environment);
VisitorImportOptions.Register(builder.Services, builder.Configuration);
builder.Services.AddReviewOptions(builder.Configuration);

var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IAuditContext, HttpAuditContext>();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddResearchSecurityData(connectionString);
// Read observations are written by a background writer in batches, off the request path (AuditObservationQueue).
builder.Services.AddQueuedAuditObservations(builder.Configuration);
// The API only enqueues (IBackgroundJobClient / IRecurringJobManager); the worker runs the Hangfire server.
builder.Services.AddResearchSecurityJobs(builder.Configuration, connectionString);

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Singletons: the validators hold no state, and building one compiles its rule expressions (a profile of the list
// endpoints showed a sixth of their CPU in validator constructors when they were made per request).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
    member is null ? null : ValidationExtensions.CamelCasePath(member.Name);
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member?.Name;
builder.Services.AddProblemDetails();
// Let malformed JSON reach ProblemExceptionHandler, which names the offending field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.AddResearchSecurityHardening();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

builder.AddResearchSecurityIdentity(connectionString);
builder.Services.AddAuthorization(Policies.Register);
builder.Services.AddAccessDeniedAudit();

builder.Services.AddResearchSecurityOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

var migrateOnly = args.Contains("--migrate-only");
var seedUsers = args.Contains("--seed-users");
if (migrateOnly || seedUsers || app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.ApplyMigrationsOnStartup)
{
    await using var scope = app.Services.CreateAsyncScope();
    var records = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
    await records.Database.MigrateAsync();
    await ResearchSecurity.Core.Risk.RiskPolicies.SeedAsync(records, CancellationToken.None);
    await IdentitySetup.MigrateAndSeedAsync(scope.ServiceProvider, seedUsers);
    if (migrateOnly || seedUsers) return;
}

app.UseProxyAndHeaders();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimitMiddleware>();
app.UseHostileInputGuard();
app.UseRateLimiter();
app.UseAuthentication();
app.UseApiRateLimit();
app.UseAccessDeniedAudit();
app.UseAuthorization();
app.UseHangfireDashboardAudit();
app.UseAntiforgery();

app.MapLiveness();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapResearchSecurityOpenApi();
// Sign-in page and OpenID Connect endpoints: the only other anonymous routes (see IdentitySetup).
app.MapResearchSecurityIdentity();

var api = app.MapGroup("/api/v1");
api.MapProposals();
api.MapPeople();
api.MapFunding();
api.MapReference();
api.MapReviews();
api.MapAudit();
api.MapUsers();
api.MapWatchlists();
api.MapJobs();
api.MapScreening();
api.MapRisk();
api.MapRegisters();
api.MapImports();
api.MapApproachReports();
api.MapNotifications();

// Hangfire's own dashboard for administrators; the endpoint policy replaces its local-requests-only default filter.
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = null, DisplayStorageConnectionString = false },
        app.Services.GetRequiredService<JobStorage>())
    .RequireAuthorization(Policies.WatchlistsManage);

await app.RunAsync();

public partial class Program;
