namespace ResearchSecurity.Screening.Import;

public enum ImportMode
{
    /// <summary>Any row error rejects the whole file (no entities returned).</summary>
    Strict,
    /// <summary>Bad rows are reported and skipped; good rows are kept.</summary>
    Lenient,
}
