namespace ResearchSecurity.Tests.Shared;

/// <summary>
/// Where the repository and the shared data are, seen from a test binary. Compiled into each test project (linked
/// source), so the lookup lives in one place. The data is never copied into the repository.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding ResearchSecurity.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>RS_SHARED_DATA</c>, else <c>&lt;repo root&gt;/../shared/data</c>.</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("RS_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResearchSecurity.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"ResearchSecurity.sln not found above {AppContext.BaseDirectory}; set RS_SHARED_DATA for the data.");
    }
}
