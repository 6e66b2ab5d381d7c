using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (section "Api:ForwardedHeaders").</summary>
public sealed class ProxyOptions
{
    public const string Section = "Api:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.5". Empty (the default): forwarded headers are ignored, from anyone.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];

    [Range(1, 10)] public int ForwardLimit { get; set; } = 1;
}

public static class ProxySetup
{
    public static void AddKnownProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.Section))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Api:ForwardedHeaders:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Api:ForwardedHeaders:KnownNetworks must be CIDR networks.")
            .ValidateDataAnnotations().ValidateOnStart();
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxies.ForwardLimit;
            // The framework trusts loopback by default; here only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxies.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
    }
}
