using System.Text.Json;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Watchlists;

public sealed record WatchlistResponse(string Id, string DisplayName, WatchlistFormat Format, WatchlistSource Source, string? SourceUrl,
    string? RefreshCron, int Severity, Guid? ActiveVersionId, int? ActiveVersionNumber, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record ListVersionResponse(Guid Id, string WatchlistId, int Number, string FileName, string FileHash, int EntityCount, int ErrorCount,
    IReadOnlyList<ImportError> ImportErrors, ListVersionStatus Status, string UploadedBy, DateTimeOffset UploadedAt, string? ActivatedBy,
    DateTimeOffset? ActivatedAt);

public static class WatchlistMapping
{
    public static WatchlistResponse ToResponse(this Watchlist w, int? activeNumber) => new(w.Id, w.DisplayName, w.Format, w.Source, w.SourceUrl,
        w.RefreshCron, w.Severity, w.ActiveVersionId, activeNumber, w.CreatedAt, w.CreatedBy);

    public static ListVersionResponse ToResponse(this ListVersion v) => new(v.Id, v.WatchlistId, v.Number, v.FileName, v.FileHash, v.EntityCount,
        v.ErrorCount, v.ImportErrors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(v.ImportErrors, JsonSerializerOptions.Web) ?? [],
        v.Status, v.UploadedBy, v.UploadedAt, v.ActivatedBy, v.ActivatedAt);
}
