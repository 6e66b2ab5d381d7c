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
    string? ChildPath)
{
    public IEnumerable<string> AllTokens => Parts.SelectMany(p => p).Concat(Qualifiers.SelectMany(q => q));
}
