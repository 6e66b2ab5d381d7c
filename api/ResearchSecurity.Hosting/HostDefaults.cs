using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

namespace ResearchSecurity.Hosting;

/// <summary>
/// What every host of the product does the same way: structured console logs (Serilog, one JSON object a line),
/// traces and metrics (OpenTelemetry; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set), the liveness
/// check, and the client address and scheme taken from a trusted reverse proxy.
/// </summary>
public static class HostDefaults
{
    public const string LivenessPath = "/health/live";

    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed, besides loopback (section "Hosting:KnownProxies").</summary>
    public const string KnownProxiesKey = "Hosting:KnownProxies";

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Host.UseSerilog((context, logging) => logging.ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", serviceName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")) // Npgsql's own ActivitySource: database calls appear in the traces
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        // First in every pipeline, so logging, rate limits and the audit trail see the client, not the proxy.
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return builder;
    }

    /// <summary>Liveness: the process answers; nothing else is checked. Anonymous in every host.</summary>
    public static IEndpointConventionBuilder MapLiveness(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
