namespace ResearchSecurity.Screening.Import;

/// <summary>A row-level problem: where (1-based line or row), which field, and why.</summary>
public sealed record ImportError(int Row, string? Field, string Reason)
{
    public override string ToString() => Field is null ? $"row {Row}: {Reason}" : $"row {Row}, field '{Field}': {Reason}";
}
