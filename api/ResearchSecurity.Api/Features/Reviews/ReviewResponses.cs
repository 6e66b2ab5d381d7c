using System.Text.Json;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>A hit as the reviewer sees it: the list version's number and the matcher's explanation travel with it, so
/// the review page needs one request.</summary>
public sealed record HitResponse(
    Guid Id, string SubjectType, Guid SubjectId, string Field, string TextScreened, string WatchlistId, Guid ListVersionId,
    int? ListVersionNumber, string EntityId, string EntityName, string MatchedName, string Segment, double Score, HitStatus Status, string? HistoricalReason,
    Disposition Disposition, string? DispositionReason, string? DispositionNote, string? DisposedBy, DateTimeOffset? DisposedAt,
    DateTimeOffset RaisedAt, DateTimeOffset? ReRaisedAt, string? ReRaisedReason, JsonElement? Explanation);

public sealed record ConditionResponse(Guid Id, string Description, string Owner, DateOnly DueDate);

public sealed record DecisionResponse(
    Guid Id, ProposalStatus Outcome, string Rationale, RiskLevel RiskAtDecision, DecisionState State, string DecidedBy,
    DateTimeOffset DecidedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, IReadOnlyList<ConditionResponse> Conditions, int? RiskPolicyVersion);

public sealed record InformationRequestResponse(
    Guid Id, Guid? HitId, string Question, string AskedBy, DateTimeOffset AskedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

public sealed record ReviewResponse(
    Guid ProposalId, string Title, ProposalStatus Status, string OwnerId, IReadOnlyList<string> TechnologyAreas, string? AssignedReviewerId,
    RiskLevel RiskLevel, IReadOnlyList<string> RiskReasons, DateTimeOffset? SubmittedAt, string ETag,
    IReadOnlyList<HitResponse> Hits, IReadOnlyList<InformationRequestResponse> InformationRequests, IReadOnlyList<DecisionResponse> Decisions);

public static class ReviewProjections
{
    public static HitResponse ToResponse(this ScreeningHit h, int? listVersionNumber) => new(
        h.Id, h.SubjectType, h.SubjectId, h.Field, h.TextScreened, h.WatchlistId, h.ListVersionId, listVersionNumber, h.EntityId, h.EntityName, h.MatchedName,
        h.Segment, h.Score, h.Status, h.HistoricalReason, h.Disposition, h.DispositionReason, h.DispositionNote, h.DisposedBy, h.DisposedAt,
        h.RaisedAt, h.ReRaisedAt, h.ReRaisedReason, Explanation(h.Explanation));

    public static JsonElement? Explanation(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();

    public static DecisionResponse ToResponse(this ReviewDecision d) => new(
        d.Id, d.Outcome, d.Rationale, d.RiskAtDecision, d.State, d.DecidedBy, d.DecidedAt, d.ConfirmedBy, d.ConfirmedAt,
        d.Conditions.OrderBy(c => c.DueDate).Select(c => new ConditionResponse(c.Id, c.Description, c.Owner, c.DueDate)).ToList(), d.RiskPolicyVersion);

    public static InformationRequestResponse ToResponse(this InformationRequest r) =>
        new(r.Id, r.HitId, r.Question, r.AskedBy, r.AskedAt, r.Answer, r.AnsweredBy, r.AnsweredAt);

    public static IReadOnlyList<string> Reasons(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
