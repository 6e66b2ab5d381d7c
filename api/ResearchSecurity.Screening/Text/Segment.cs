namespace ResearchSecurity.Screening.Text;

/// <summary>One organisation-sized piece of an affiliation (between commas, semicolons, brackets).</summary>
public sealed record Segment(int Index, int Clause, string Raw, IReadOnlyList<Token> Tokens, string Cjk);
