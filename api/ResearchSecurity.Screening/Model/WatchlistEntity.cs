namespace ResearchSecurity.Screening.Model;

/// <summary>
/// One listed entity. <see cref="Name"/> is the canonical name exactly as in the list file (the ASPI <c>value</c>,
/// the FtM <c>name</c>); every other name form is kept separately so the explanation can say which one matched.
/// </summary>
public sealed record WatchlistEntity
{
    public required string ListId { get; init; }
    public required string EntityId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Short or ambiguous aliases (acronyms, FtM <c>weakAlias</c>): they only count with supporting evidence.</summary>
    public IReadOnlyList<string> WeakAliases { get; init; } = [];
    public IReadOnlyList<string> PreviousNames { get; init; } = [];
    /// <summary>ISO 3166-1 alpha-2, lower case.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Websites { get; init; } = [];
    /// <summary>Postal addresses as given; their words support short aliases (a city next to "NUDT").</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<ListingPeriod> Periods { get; init; } = [];
    public IReadOnlyList<ChildName> Children { get; init; } = [];
    public string? ParentId { get; init; }
    /// <summary>Optional sub-list (e.g. CSL <c>source</c>).</summary>
    public string? SubList { get; init; }

    /// <summary>
    /// Stable hash of what matters for screening (names, listing periods, parent). See <see cref="EntityContentHash"/>.
    /// Computed on each call, not cached: a cached field would be copied by <c>with</c> and go stale.
    /// </summary>
    public string ContentHash => EntityContentHash.Compute(this);

    /// <summary>Status at <paramref name="asOf"/>: active when no periods are known or one covers the date.</summary>
    public ListingStatus StatusAt(DateOnly asOf) =>
        Periods.Count == 0 || Periods.Any(p => p.Covers(asOf)) ? ListingStatus.Active : ListingStatus.Historical;
}
