namespace ResearchSecurity.Screening.Index;

/// <summary>
/// Candidate retrieval seam: returns ids of name forms sharing words with the input, best first. Scoring and
/// explanations happen in the engine, so a backend (Lucene.NET embedded, Elasticsearch) only has to rank by
/// shared rare words. Implementations must be safe for concurrent <see cref="Search"/> after <see cref="Build"/>.
/// </summary>
public interface ICandidateIndex : IDisposable
{
    void Build(IEnumerable<IndexedName> names);

    IReadOnlyList<int> Search(IReadOnlyCollection<string> terms, int maxCandidates);
}
