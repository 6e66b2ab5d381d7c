namespace ResearchSecurity.Core.Watchlists;

/// <summary>Where the worker keeps its Lucene.NET candidate index (the embedded default); empty = in memory.</summary>
public sealed class ScreeningIndexOptions
{
    public const string Section = "Screening";

    /// <summary>
    /// Root folder of the on-disk index. Each process builds its own index under <c>p{pid}</c> from the active list
    /// versions in PostgreSQL (the system of record), so the folder can be deleted at any time.
    /// </summary>
    public string? IndexPath { get; set; }
}
