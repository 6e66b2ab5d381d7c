namespace ResearchSecurity.Screening.Model;

/// <summary>
/// A name the list attaches to an entry without listing it separately (a subsidiary, a defence laboratory).
/// A hit on it resolves to the entry; <see cref="Path"/> is shown in the explanation (e.g. "major defence laboratories").
/// One constructor only: list versions are stored as JSON and must deserialise back to the same entity.
/// </summary>
public sealed record ChildName(string Name, string Path, IReadOnlyList<string>? Aliases = null)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];
}
