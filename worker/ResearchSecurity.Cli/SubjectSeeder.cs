using System.Text.Json.Nodes;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.People;

namespace ResearchSecurity.Cli;

/// <summary>
/// Stores many realistic people with affiliations, straight into the database (no screening requests). Affiliation
/// strings are the real, noisy ROR/Springer set with a varying department in front; one in <c>listedEvery</c> names a
/// listed institution instead, so a re-screen has real hits to raise.
/// </summary>
internal static class SubjectSeeder
{
    private static readonly string[] Departments =
    [
        "Department of Physics", "School of Computer Science", "State Key Laboratory of Photonics", "Institute of Applied Mathematics",
        "College of Materials Science", "Department of Electrical Engineering", "School of Life Sciences", "Key Laboratory of Quantum Information",
        "Department of Chemistry", "Faculty of Medicine", "School of Mechanical Engineering", "Center for Robotics",
    ];

    private static readonly string[] Cities = ["Beijing", "Shanghai", "Harbin", "Xi'an", "Nanjing", "Changsha", "Wuhan", "Chengdu"];

    public static string SharedData => Environment.GetEnvironmentVariable("RS_SHARED_DATA") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "data"));

    /// <summary>The real, noisy affiliation strings of the shared ROR/Springer set, read in place.</summary>
    public static string[] RealAffiliations() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData, "affiliations", "ror-springer-2023.json")))!.AsArray()
            .Select(n => n!["affiliation"]!.GetValue<string>()).ToArray();

    /// <param name="listedNames">Names of listed institutions to mix in.</param>
    public static async Task<int> SeedAsync(string connectionString, int affiliations, IReadOnlyList<string> listedNames, int listedEvery,
        int perPerson = 10, int seed = 7)
    {
        var real = RealAffiliations();
        var random = new Random(seed);
        var now = TimeProvider.System.GetUtcNow();
        var made = 0;
        while (made < affiliations)
        {
            await using var db = CliDatabase.Open(connectionString, "seed");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var p = 0; p < 500 && made < affiliations; p++)
            {
                var person = Person.Create("seed", new PersonDetails($"Researcher {made / perPerson}", null, null, null, null), Declarations.NotAnswered, now);
                var list = new List<(Guid?, AffiliationDetails)>();
                for (var a = 0; a < perPerson && made < affiliations; a++, made++)
                {
                    var dept = Departments[random.Next(Departments.Length)];
                    var text = made % listedEvery == listedEvery - 1
                        ? $"{dept}, {listedNames[random.Next(listedNames.Count)]}, {Cities[random.Next(Cities.Length)]}, China"
                        : $"{dept}, {real[random.Next(real.Length)]}";
                    list.Add((null, new AffiliationDetails(text.Length > 1000 ? text[..1000] : text, null, AffiliationKind.Employment, null, null, true)));
                }
                person.Update(person.Details, Declarations.NotAnswered, list, null, null, now);
                db.People.Add(person);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return made;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResearchSecurity.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
