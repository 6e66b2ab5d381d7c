using System.ComponentModel.DataAnnotations;

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
