using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Api.Infrastructure;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest JSON request body accepted, in bytes. List uploads have their own limit.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Enables the header-based development sign-in. Never set outside local runs and tests.</summary>
    public bool EnableDevelopmentAuthentication { get; set; }

    /// <summary>Applies pending migrations at start-up (local run and tests); production runs them as a deploy step.</summary>
    public bool ApplyMigrationsOnStartup { get; set; }
}

public static class ApiOptionsSetup
{
    /// <summary>Binds and validates <see cref="ApiOptions"/> (the only place) and applies its body limit to Kestrel.</summary>
    public static IServiceCollection AddApiOptions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.EnableDevelopmentAuthentication || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                "Development authentication may only be enabled in the Development or Testing environment.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        return services;
    }
}
