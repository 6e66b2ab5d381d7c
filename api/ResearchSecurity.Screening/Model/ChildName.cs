namespace ResearchSecurity.Screening.Model;

/// <summary>
/// A name the list attaches to an entry without listing it separately (a subsidiary, a defence laboratory).
/// A hit on it resolves to the entry; <see cref="Path"/> is shown in the explanation (e.g. "major defence laboratories").
/// </summary>
public sealed record ChildName(string Name, string Path, IReadOnlyList<string> Aliases)
{
    public ChildName(string name, string path) : this(name, path, []) { }
}
