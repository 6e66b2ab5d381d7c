namespace ResearchSecurity.Screening.Model;

/// <summary>A loaded list: its id (dataset id / cluster type), a display name, the source format and its entities.</summary>
public sealed record Watchlist(string ListId, string DisplayName, string Format, IReadOnlyList<WatchlistEntity> Entities);
