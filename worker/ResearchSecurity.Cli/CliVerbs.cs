namespace ResearchSecurity.Cli;

/// <summary>The verbs of the command line; the first argument picks one. Verbs need no database unless they say so.</summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["screen"] = ScreenVerb.Run,
        ["compare"] = CompareVerb.Run,
        ["bench"] = BenchVerb.Run,
        ["seed-rescreen"] = SeedRescreenVerb.Run,
        ["bench-rescreen"] = BenchRescreenVerb.Run,
        ["import-lists"] = ImportListsVerb.Run,
        ["verify-audit"] = AuditVerbs.Verify,
        ["bench-audit"] = AuditVerbs.Bench,
        ["bench-risk"] = BenchRiskVerb.Run,
        ["bench-register"] = BenchRegisterVerb.Run,
    };

    public static bool TryGet(string name, out Func<string[], Task<int>> verb) => Verbs.TryGetValue(name, out verb!);

    public static IEnumerable<string> Names => Verbs.Keys;
}
