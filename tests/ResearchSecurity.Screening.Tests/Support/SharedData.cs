using ResearchSecurity.Tests.Shared;

namespace ResearchSecurity.Screening.Tests.Support;

/// <summary>The shared data files the screening tests read (see <see cref="RepositoryPaths"/>).</summary>
public static class SharedData
{
    public static string Root => RepositoryPaths.SharedData;

    public static string Watchlist(string relative) => Path.Combine(Root, "watchlists", relative);

    public static string Affiliations(string relative) => Path.Combine(Root, "affiliations", relative);
}
