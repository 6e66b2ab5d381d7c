namespace ResearchSecurity.Cli;

/// <summary>Minimal "--name value [value ...]" parser for the CLI verbs.</summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public CliArgs(string[] args)
    {
        List<string>? current = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal)) _values[a[2..]] = current = [];
            else current?.Add(a);
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];
    public string? One(string name) => All(name).FirstOrDefault();
    public string Required(string name) => One(name) ?? throw new ArgumentException($"missing --{name}");
}
