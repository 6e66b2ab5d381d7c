namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>The shared public data beside the repository (never copied into it); RS_SHARED_DATA overrides the location.</summary>
public static class SharedData
{
    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("RS_SHARED_DATA") is { Length: > 0 } configured) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ResearchSecurity.sln")))
                    return Path.Combine(dir.FullName, "..", "shared", "data");
            throw new DirectoryNotFoundException("Could not find the repository root to locate ../shared/data.");
        }
    }

    public static string Path1286(int fiscalYear) => Path.Combine(Root, "watchlists", "ftm", $"us-dod-section-1286-fy{fiscalYear}.ftm.jsonl");
}
