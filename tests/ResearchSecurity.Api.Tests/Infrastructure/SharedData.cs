using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>The shared public data beside the repository (never copied into it); RS_SHARED_DATA overrides the location.</summary>
public static class SharedData
{
    public static string Root => RepositoryPaths.SharedData;

    public static string Path1286(int fiscalYear) => Path.Combine(Root, "watchlists", "ftm", $"us-dod-section-1286-fy{fiscalYear}.ftm.jsonl");
}
