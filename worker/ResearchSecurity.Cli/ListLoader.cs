using ResearchSecurity.Screening.Import;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Cli;

/// <summary>Loads list files and folders for CLI verbs, reporting import problems to stderr.</summary>
internal static class ListLoader
{
    public static List<Watchlist> Load(IEnumerable<string> paths)
    {
        var lists = new List<Watchlist>();
        foreach (var path in paths)
            foreach (var (file, result) in WatchlistImport.ImportPath(path, ImportMode.Lenient))
            {
                Console.Error.WriteLine($"{Path.GetFileName(file)}: {result.Report().Split('\n')[0]}");
                foreach (var e in result.Errors.Take(5)) Console.Error.WriteLine("  " + e);
                if (result.List is not null) lists.Add(result.List);
            }
        return lists;
    }
}
