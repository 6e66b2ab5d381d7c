using System.Globalization;

namespace ResearchSecurity.Web.Api;

// Auditor calls: the filtered log, the chain's verification and a proposal's trail as a file.
public sealed partial class ApiClient
{
    public Task<PagedList<AuditEventResponse>> SearchAuditEventsAsync(AuditFilter filter, CancellationToken ct = default) =>
        GetAsync<PagedList<AuditEventResponse>>(Query("api/v1/audit/events",
            ("page", filter.Page.ToString(CultureInfo.InvariantCulture)), ("pageSize", filter.PageSize.ToString(CultureInfo.InvariantCulture)),
            ("proposalId", filter.ProposalId?.ToString()), ("subjectId", filter.SubjectId?.ToString()), ("actorId", filter.ActorId),
            ("eventType", filter.EventType), ("from", filter.From?.ToString("o", CultureInfo.InvariantCulture)),
            ("to", filter.To?.ToString("o", CultureInfo.InvariantCulture))), ct);

    /// <summary>Walks the whole hash chain on the API (the check is itself audited).</summary>
    public Task<AuditVerification> VerifyAuditChainAsync(CancellationToken ct = default) =>
        SendAsync<AuditVerification>(HttpMethod.Post, "api/v1/audit/verify", null, ct);

    /// <summary>A proposal's trail as the API's file; the web host hands it on, so the access token never reaches the browser.</summary>
    public Task<(byte[] Content, string ContentType, string? FileName)> ExportAuditTrailAsync(Guid proposalId, AuditExportFormat format,
        CancellationToken ct = default) =>
        DownloadAsync($"api/v1/audit/proposals/{proposalId}/export?format={format.ToString().ToLowerInvariant()}", ct);
}
