using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Hosting;

// The job server only; command-line verbs live in worker/ResearchSecurity.Cli.
var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults("rs-worker");
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
builder.Services.AddSingleton(TimeProvider.System);
// Everything a job writes is audited as the worker, naming the Hangfire job.
builder.Services.AddScoped<IAuditContext>(_ => new SystemAuditContext("worker", JobContextFilter.CurrentJobId));
builder.Services.AddReviewOptions(builder.Configuration);
builder.Services.AddResearchSecurityData(connectionString);
builder.Services.AddResearchSecurityJobs(builder.Configuration, connectionString);
builder.Services.AddResearchSecurityJobServer(builder.Configuration["Worker:Name"]);

var app = builder.Build();
app.MapLiveness();
await app.RunAsync();
