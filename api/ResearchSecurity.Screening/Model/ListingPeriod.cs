namespace ResearchSecurity.Screening.Model;

/// <summary>One period during which an entity was listed. Open ends mean "since ever" / "still listed".</summary>
public sealed record ListingPeriod(DateOnly? Start, DateOnly? End, string? Program = null)
{
    /// <summary>True when <paramref name="asOf"/> falls inside the period (both ends inclusive).</summary>
    public bool Covers(DateOnly asOf) => (Start is null || Start <= asOf) && (End is null || End >= asOf);
}
