using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using Serilog;
using Serilog.Formatting.Compact;

// The job server only; command-line verbs live in worker/ResearchSecurity.Cli.
var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSerilog((ctx, cfg) => cfg.ReadFrom.Configuration(ctx.Configuration).WriteTo.Console(new CompactJsonFormatter()));
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
builder.Services.AddSingleton(TimeProvider.System);
// Everything a job writes is audited as the worker, naming the Hangfire job.
builder.Services.AddScoped<IAuditContext>(_ => new SystemAuditContext("worker", JobContextFilter.CurrentJobId));
builder.Services.AddResearchSecurityData(connectionString);
builder.Services.AddResearchSecurityJobs(builder.Configuration, connectionString);
builder.Services.AddResearchSecurityJobServer(builder.Configuration["Worker:Name"]);
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health/live");
await app.RunAsync();
