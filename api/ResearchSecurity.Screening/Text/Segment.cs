namespace ResearchSecurity.Screening.Text;

/// <summary>One organisation-sized piece of an affiliation (between commas, semicolons, brackets).</summary>
public sealed record Segment(int Index, int Clause, string Raw, IReadOnlyList<Token> Tokens, string Cjk)
{
    /// <summary>The previous segment's words in another order (<see cref="WordOrder"/>), not a piece of text of its own.</summary>
    public bool Reordered { get; init; }
}
