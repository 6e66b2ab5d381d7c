using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// One matchable name form. <see cref="Parts"/> must all be found (each in one segment: "Chinese Academy of Sciences -
/// Shenyang Institute of Automation" has two); <see cref="Qualifiers"/> ("(Wuhan)") add nothing if absent.
/// </summary>
internal sealed record CompiledName(
    int Id,
    int EntityIndex,
    string Display,
    NameKind Kind,
    string[][] Parts,
    string[][] Qualifiers,
    string Cjk,
    string? Acronym,
    string? ChildPath,
    bool Reordered = false)
{
    public IEnumerable<string> AllTokens => Parts.SelectMany(p => p).Concat(Qualifiers.SelectMany(q => q));

    /// <summary>
    /// Index terms: every word plus every adjacent word pair ("university_science"), so names made only of common words
    /// are still found by their rare pairs.
    /// </summary>
    public IEnumerable<string> IndexTerms => AllTokens.Concat(Parts.SelectMany(p => p.Zip(p.Skip(1), Pair)));

    public static string Pair(string a, string b) => a + "_" + b;
}
