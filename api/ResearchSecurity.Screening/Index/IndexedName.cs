namespace ResearchSecurity.Screening.Index;

/// <summary>A name form as the candidate index sees it: an opaque id and its canonical words.</summary>
public sealed record IndexedName(int Id, IReadOnlyCollection<string> Terms);
