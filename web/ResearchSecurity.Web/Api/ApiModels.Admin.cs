namespace ResearchSecurity.Web.Api;

// Administrator screens: watchlists, their versions and diffs, background jobs, users and roles.

public enum WatchlistFormat { Auto, FollowTheMoney, MispGalaxy, TradeCsl, GenericCsv, GenericXlsx }
public enum WatchlistSource { Upload, Url }
public enum ListVersionStatus { Imported, Active, Superseded }

public sealed record RegisterWatchlistRequest(string? Id, string? DisplayName, WatchlistFormat? Format, WatchlistSource? Source, string? SourceUrl,
    string? RefreshCron, int? Severity);

/// <summary>A row-level problem of a list file: where (1-based line or row), which field, and why.</summary>
public sealed record ImportError(int Row, string? Field, string Reason);

public sealed record ListVersionResponse(Guid Id, string WatchlistId, int Number, string FileName, string FileHash, int EntityCount, int ErrorCount,
    IReadOnlyList<ImportError> ImportErrors, ListVersionStatus Status, string UploadedBy, DateTimeOffset UploadedAt, string? ActivatedBy,
    DateTimeOffset? ActivatedAt);

/// <summary>What became of an uploaded file: a new version, the same bytes as a stored version, or refused with its row errors.</summary>
public sealed record ListUploadOutcome(ListVersionResponse? Version, bool Unchanged, IReadOnlyList<ImportError> Errors, string? Detail)
{
    public bool Rejected => Version is null;
}

public sealed record DiffEntity(string EntityId, string Name);

public sealed record ChangedEntity(string EntityId, string Name, string? PreviousName, IReadOnlyList<string> NamesAdded, IReadOnlyList<string> NamesRemoved,
    bool ListingChanged);

public sealed record LikelyRename(DiffEntity Removed, DiffEntity Added, double Score, string RemovedName, string AddedName);

public sealed record VersionDiff(string WatchlistId, int Number, int? AgainstNumber, IReadOnlyList<DiffEntity> Added, IReadOnlyList<DiffEntity> Removed,
    IReadOnlyList<ChangedEntity> Changed, IReadOnlyList<LikelyRename> LikelyRenames, int Unchanged);

public sealed record UserResponse(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool IsLockedOut, DateTimeOffset? LockoutEnd);

public sealed record CreateUserRequest(string? UserName, string? Email, string? Password, List<string>? Roles);
