using System.Globalization;

namespace ResearchSecurity.Web.Api;

public enum ApproachChannel { Conference, Email, Visit, SocialMedia, RecruitmentOffer, Phone, Other }
public enum ApproachReportStatus { New, UnderReview, Closed }
public enum ApproachOutcome { NoConcern, Suspicious, ReferredToSecurity }

public sealed record ApproachReportRequest(string? ApproacherName, string? ApproacherOrganisation, string? ApproacherEmail, string? ApproacherPhone,
    string? Country, ApproachChannel? Channel, IReadOnlyList<string> Asks, DateOnly? ApproachedOn, string? Description);

public sealed record ApproachReportSummary(Guid Id, string ReporterId, string? ApproacherName, string? ApproacherOrganisation, ApproachChannel Channel,
    DateOnly ApproachedOn, ApproachReportStatus Status, ApproachOutcome? Outcome, DateTimeOffset CreatedAt);

public sealed record ReportedOnProposal(Guid ProposalId, Guid FlagId, string Title, string Status);

public sealed record ApproachReportResponse(
    Guid Id, string ReporterId, string? ApproacherName, string? ApproacherOrganisation, string? ApproacherEmail, string? ApproacherPhone,
    string? Country, ApproachChannel Channel, IReadOnlyList<string> Asks, DateOnly ApproachedOn, string Description,
    ApproachReportStatus Status, ApproachOutcome? Outcome, string? OutcomeNote, string? TriagedBy, DateTimeOffset? ReviewStartedAt,
    string? ClosedBy, DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt, string ETag,
    IReadOnlyList<ReviewHit>? Hits, IReadOnlyList<ReportedOnProposal>? Proposals);

// Suspicious-approach reports: any member of staff files; reviewers triage.
public sealed partial class ApiClient
{
    /// <summary>What an approacher may have asked for, as the API names them, with the words the form shows.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> ApproachAsks =
    [
        ("oneOnOneMeeting", "A one-on-one meeting"), ("data", "Data"), ("samples", "Samples or materials"),
        ("lectureWithPaidTravel", "A lecture invitation with paid travel"), ("compensation", "Compensation"), ("housing", "Housing"),
        ("position", "A position"), ("equipment", "Equipment or access to it"), ("other", "Something else"),
    ];

    public Task<PagedList<ApproachReportSummary>> ListApproachReportsAsync(int page, ApproachReportStatus? status, CancellationToken ct = default) =>
        GetAsync<PagedList<ApproachReportSummary>>(Query("api/v1/approach-reports", ("page", page.ToString(CultureInfo.InvariantCulture)),
            ("status", status?.ToString())), ct);

    public Task<ApproachReportResponse> GetApproachReportAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<ApproachReportResponse>($"api/v1/approach-reports/{id}", ct);

    public Task<ApproachReportResponse> FileApproachReportAsync(ApproachReportRequest request, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<ApproachReportResponse>(HttpMethod.Post, "api/v1/approach-reports", request, ct, idempotencyKey: idempotencyKey);

    public Task<ApproachReportResponse> StartApproachReviewAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<ApproachReportResponse>(HttpMethod.Post, $"api/v1/approach-reports/{id}/review", new { }, ct);

    public Task<ApproachReportResponse> CloseApproachReportAsync(Guid id, ApproachOutcome? outcome, string? note, CancellationToken ct = default) =>
        SendAsync<ApproachReportResponse>(HttpMethod.Post, $"api/v1/approach-reports/{id}/close", new { outcome, note }, ct);
}
