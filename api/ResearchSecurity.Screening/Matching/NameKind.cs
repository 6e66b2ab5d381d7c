namespace ResearchSecurity.Screening.Matching;

/// <summary>Which name form of an entity matched; it sets how much the match is worth.</summary>
public enum NameKind
{
    Canonical,
    Alias,
    PreviousName,
    /// <summary>A subsidiary or laboratory named under the entry: a weaker hit on the entry.</summary>
    Child,
    /// <summary>An acronym or FtM weakAlias: counts only with supporting evidence in the text.</summary>
    WeakAlias,
    /// <summary>A Chinese-script name compared character by character.</summary>
    ChineseScript,
}
