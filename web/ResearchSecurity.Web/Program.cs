using Serilog;
using ResearchSecurity.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults("rs-web");
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health/live");
app.MapGet("/", () => Results.Content("<!doctype html><title>ResearchSecurity</title><h1>ResearchSecurity</h1><p>The reviewer UI arrives with the web issue.</p>", "text/html"));
await app.RunAsync();

public partial class Program;
