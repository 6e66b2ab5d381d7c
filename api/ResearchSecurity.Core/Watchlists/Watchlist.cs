using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Watchlists;

public enum WatchlistFormat { Auto = 0, FollowTheMoney = 1, MispGalaxy = 2, TradeCsl = 3, GenericCsv = 4, GenericXlsx = 5 }

public enum WatchlistSource { Upload = 0, Url = 1 }

/// <summary>
/// A registered list of military-linked institutions (ASPI tracker, DoD §1286, §1260H, CSL, in-house...). Its content
/// lives in <see cref="ListVersion"/>s; exactly one version is active at a time, and screening uses only that one.
/// </summary>
public sealed class Watchlist
{
    private Watchlist() { }

    /// <summary>Short stable id chosen by the administrator, e.g. "us-1286".</summary>
    public string Id { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public WatchlistFormat Format { get; private set; }
    public WatchlistSource Source { get; private set; }
    public string? SourceUrl { get; private set; }
    /// <summary>Cron expression for refreshing a URL source; null = manual only.</summary>
    public string? RefreshCron { get; private set; }
    /// <summary>1 (informational) to 4 (legal designation): weighs hits when the risk level is derived.</summary>
    public int Severity { get; private set; }
    public Guid? ActiveVersionId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = string.Empty;
    public uint Version { get; private set; }

    public static Watchlist Register(string id, string displayName, WatchlistFormat format, WatchlistSource source,
        string? sourceUrl, string? refreshCron, int severity, string createdBy, DateTimeOffset now)
    {
        if (source == WatchlistSource.Url && string.IsNullOrWhiteSpace(sourceUrl))
            throw new DomainException("A URL-sourced watchlist needs a source URL.");
        return new Watchlist
        {
            Id = id, DisplayName = displayName, Format = format, Source = source, SourceUrl = sourceUrl,
            RefreshCron = refreshCron, Severity = severity, CreatedBy = createdBy, CreatedAt = now,
        };
    }

    public void ChangeSettings(string displayName, string? sourceUrl, string? refreshCron, int severity)
    {
        DisplayName = displayName;
        SourceUrl = sourceUrl;
        RefreshCron = refreshCron;
        Severity = severity;
    }

    /// <summary>Makes <paramref name="version"/> the one in force; the previous active version becomes superseded.</summary>
    public void Activate(ListVersion version, ListVersion? previous, string actor, DateTimeOffset now)
    {
        if (version.WatchlistId != Id) throw new DomainException("That version belongs to another watchlist.");
        version.MarkActive(actor, now);
        previous?.MarkSuperseded();
        ActiveVersionId = version.Id;
    }
}
