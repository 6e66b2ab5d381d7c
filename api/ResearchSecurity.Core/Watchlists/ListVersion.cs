using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Watchlists;

public enum ListVersionStatus { Imported = 0, Active = 1, Superseded = 2 }

/// <summary>
/// One imported edition of a watchlist file. Versions are kept for evidence: every hit names the version it was
/// found against. A file that fails to parse never becomes a version (its error report is returned instead).
/// </summary>
public sealed class ListVersion : Entity
{
    private ListVersion() { }

    public string WatchlistId { get; private set; } = string.Empty;
    public int Number { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    /// <summary>SHA-256 of the file bytes: an unchanged file creates no new version.</summary>
    public string FileHash { get; private set; } = string.Empty;
    public int EntityCount { get; private set; }
    public int ErrorCount { get; private set; }
    /// <summary>Row-level import errors (JSON) for rows skipped in lenient mode.</summary>
    public string? ImportErrors { get; private set; }
    public ListVersionStatus Status { get; private set; }
    public string UploadedBy { get; private set; } = string.Empty;
    public DateTimeOffset UploadedAt { get; private set; }
    public string? ActivatedBy { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }

    public static ListVersion Create(string watchlistId, int number, string fileName, string fileHash, int entityCount,
        int errorCount, string? importErrors, string uploadedBy, DateTimeOffset now) => new()
    {
        WatchlistId = watchlistId, Number = number, FileName = fileName, FileHash = fileHash, EntityCount = entityCount,
        ErrorCount = errorCount, ImportErrors = importErrors, Status = ListVersionStatus.Imported, UploadedBy = uploadedBy, UploadedAt = now,
    };

    internal void MarkActive(string actor, DateTimeOffset now)
    {
        if (Status == ListVersionStatus.Active) throw new DomainException($"Version {Number} is already active.");
        Status = ListVersionStatus.Active;
        ActivatedBy = actor;
        ActivatedAt = now;
    }

    internal void MarkSuperseded() => Status = ListVersionStatus.Superseded;
}
