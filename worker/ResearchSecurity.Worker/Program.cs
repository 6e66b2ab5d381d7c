using ResearchSecurity.Worker.Cli;
using Serilog;
using Serilog.Formatting.Compact;

if (args.Length > 0 && CliVerbs.TryGet(args[0], out var verb))
{
    return await verb(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSerilog((ctx, cfg) => cfg.ReadFrom.Configuration(ctx.Configuration).WriteTo.Console(new CompactJsonFormatter()));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health/live");
await app.RunAsync();
return 0;
