namespace ResearchSecurity.Screening.Tests.Support;

/// <summary>
/// Locates the shared data folder: <c>RS_SHARED_DATA</c>, else <c>&lt;repo root&gt;/../shared/data</c> where the repo
/// root is the folder holding ResearchSecurity.sln above the test binaries. Data is never copied into the repo.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string Watchlist(string relative) => Path.Combine(Root, "watchlists", relative);

    public static string Affiliations(string relative) => Path.Combine(Root, "affiliations", relative);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("RS_SHARED_DATA") is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResearchSecurity.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        throw new DirectoryNotFoundException("ResearchSecurity.sln not found above " + AppContext.BaseDirectory + "; set RS_SHARED_DATA.");
    }
}
