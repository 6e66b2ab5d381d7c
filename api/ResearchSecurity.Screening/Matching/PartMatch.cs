namespace ResearchSecurity.Screening.Matching;

/// <summary>Where one name part was found: segment, token span [Start, End), and which name words needed a typo edit.</summary>
internal sealed record PartMatch(int Segment, int Start, int End, IReadOnlyList<string> Fuzzy, bool Chars = false)
{
    public bool Contains(PartMatch other) =>
        Segment == other.Segment && Chars == other.Chars && Start <= other.Start && End >= other.End && (End - Start) > (other.End - other.Start);
}
