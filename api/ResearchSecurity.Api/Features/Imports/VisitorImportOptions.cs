using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// Bounds of the visiting-researcher bulk import. The package and text checks (parts, inflated size, cell length)
/// are the shared <see cref="ResearchSecurity.Screening.Import.ImportLimits"/>; these are the import's own.
/// </summary>
public sealed class VisitorImportOptions
{
    public const string Section = "VisitorImport";

    /// <summary>Largest upload accepted, in bytes (answered 413 above it).</summary>
    [Range(1024, 256L * 1024 * 1024)] public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most data rows in one file; a department's batch is tens to a few thousand.</summary>
    [Range(1, 100_000)] public int MaxRows { get; set; } = 10_000;

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<VisitorImportOptions>().Bind(configuration.GetSection(Section)).ValidateDataAnnotations().ValidateOnStart();
}
