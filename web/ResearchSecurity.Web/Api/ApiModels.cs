using System.Text.Json;

namespace ResearchSecurity.Web.Api;

// The API's request and response shapes, as JSON sees them (enums travel as their names). The web host shares no
// code with the API on purpose: it is one HTTP client among others.

public enum ProposalStatus { Draft, Submitted, Screening, InReview, InfoRequested, Escalated, Approved, ApprovedWithConditions, Rejected, Withdrawn }
public enum RiskLevel { None, Low, Medium, High, Critical }
public enum PartnerRole { Partner, Subcontractor, EndUser, Sponsor }
public enum MemberRole { PrincipalInvestigator, CoInvestigator, VisitingResearcher, Student, Technician }
public enum AffiliationKind { Employment, VisitingAppointment, Honorary, Adjunct, TalentProgram, Student }
public enum Disposition { None, TrueMatch, FalsePositive, NeedsInformation }
public enum HitStatus { Active, Historical }
public enum DecisionState { PendingConfirmation, Effective, Superseded }

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => PageSize <= 0 ? 1 : Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record TechnologyArea(string Code, string Name, bool IsSensitive);

// Proposals
public sealed record ProposalSummary(
    Guid Id, string Title, string OwnerId, ProposalStatus Status, IReadOnlyList<string> TechnologyAreas,
    int PartnerCount, int MemberCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PartnerResponse(
    Guid Id, string Name, string Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone, PartnerRole Role);

public sealed record MemberResponse(Guid Id, Guid PersonId, string PersonName, MemberRole Role);

public sealed record FundingSourceResponse(
    Guid Id, Guid? ProposalId, Guid? PersonId, string FunderName, string? Sponsor, string? Payer, string Country,
    decimal? Amount, string? Currency, string? InKindDescription, string OwnerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag);

public sealed record ProposalResponse(
    Guid Id, string Title, string? Summary, IReadOnlyList<string> TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    string OwnerId, ProposalStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string ETag, IReadOnlyList<PartnerResponse> Partners, IReadOnlyList<MemberResponse> Members,
    IReadOnlyList<FundingSourceResponse> FundingSources);

/// <summary>Create/update body. A collection left null is not touched by an update.</summary>
public sealed record ProposalRequest(
    string? Title, string? Summary, List<string>? TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    List<PartnerRequest>? Partners, List<MemberRequest>? Members, List<ProposalFundingRequest>? FundingSources);

public sealed record PartnerRequest(
    Guid? Id, string? Name, string? Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone, PartnerRole? Role);

public sealed record MemberRequest(Guid? PersonId, MemberRole? Role);

public sealed record ProposalFundingRequest(
    Guid? Id, string? FunderName, string? Sponsor, string? Payer, string? Country, decimal? Amount, string? Currency, string? InKindDescription);

// People
public sealed record Declarations(
    bool? EmployedUnderForeignGovernmentDirection, bool? ForeignGovernmentIncomeAtLeast25Percent,
    bool? ActingOnForeignGovernmentInstruction, bool? ReceivesForeignFunding, string? ForeignFundingDetails);

public sealed record AffiliationResponse(
    Guid Id, string OrganisationName, string? Country, AffiliationKind Kind, DateOnly? StartDate, DateOnly? EndDate, bool IsCurrent);

public sealed record VisitResponse(
    Guid Id, Guid? ProposalId, string HostDepartment, string? HostPrincipalInvestigator, DateOnly StartDate, DateOnly EndDate, string? Sponsor);

public sealed record TalentProgramResponse(Guid Id, string ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

public sealed record PersonResponse(
    Guid Id, string Name, string? NativeName, string? Email, string? Orcid, string? UserId, string OwnerId, Declarations Declarations,
    IReadOnlyList<AffiliationResponse> Affiliations, IReadOnlyList<VisitResponse> Visits, IReadOnlyList<TalentProgramResponse> TalentPrograms,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag);

public sealed record PersonRequest(
    string? Name, string? NativeName, string? Email, string? Orcid, string? UserId, Declarations? Declarations,
    List<AffiliationRequest>? Affiliations, List<VisitRequest>? Visits, List<TalentProgramRequest>? TalentPrograms);

public sealed record AffiliationRequest(
    Guid? Id, string? OrganisationName, string? Country, AffiliationKind? Kind, DateOnly? StartDate, DateOnly? EndDate, bool? IsCurrent);

public sealed record VisitRequest(
    Guid? Id, Guid? ProposalId, string? HostDepartment, string? HostPrincipalInvestigator, DateOnly? StartDate, DateOnly? EndDate, string? Sponsor);

public sealed record TalentProgramRequest(
    Guid? Id, string? ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

// Screening
public sealed record SubjectRun(string SubjectType, Guid SubjectId, string Outcome, string? FailureReason, string Fields, string ListVersions,
    DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int HitCount);

public sealed record ScreeningHit(Guid Id, string SubjectType, Guid SubjectId, Guid? PersonId, string Field, string TextScreened, string WatchlistId,
    Guid ListVersionId, int? ListVersionNumber, string EntityId, string EntityName, string MatchedName, string Segment, double Score, string Status,
    string? HistoricalReason, JsonElement Explanation, Disposition Disposition, string? DispositionReason, DateTimeOffset RaisedAt,
    DateTimeOffset? ReRaisedAt, string? ReRaisedReason);

public sealed record ProposalScreening(Guid ProposalId, string Status, IReadOnlyList<string> FailureReasons, int Subjects, int Pending,
    int Running, int Done, int Failed, IReadOnlyList<SubjectRun> Runs, IReadOnlyList<ScreeningHit> Hits)
{
    public bool Finished => Status is "done" or "failed";
}

// Reviews
public sealed record ReviewHit(
    Guid Id, string SubjectType, Guid SubjectId, string Field, string TextScreened, string WatchlistId, Guid ListVersionId,
    int? ListVersionNumber, string EntityId, string EntityName, string MatchedName, string Segment, double Score, HitStatus Status,
    string? HistoricalReason, Disposition Disposition, string? DispositionReason, string? DispositionNote, string? DisposedBy,
    DateTimeOffset? DisposedAt, DateTimeOffset RaisedAt, DateTimeOffset? ReRaisedAt, string? ReRaisedReason, JsonElement? Explanation);

public sealed record ConditionResponse(Guid Id, string Description, string Owner, DateOnly DueDate);

public sealed record DecisionResponse(
    Guid Id, ProposalStatus Outcome, string Rationale, RiskLevel RiskAtDecision, DecisionState State, string DecidedBy,
    DateTimeOffset DecidedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, IReadOnlyList<ConditionResponse> Conditions);

public sealed record InformationRequestResponse(
    Guid Id, Guid? HitId, string Question, string AskedBy, DateTimeOffset AskedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

public sealed record ReviewResponse(
    Guid ProposalId, string Title, ProposalStatus Status, string OwnerId, IReadOnlyList<string> TechnologyAreas, string? AssignedReviewerId,
    RiskLevel RiskLevel, IReadOnlyList<string> RiskReasons, DateTimeOffset? SubmittedAt, string ETag,
    IReadOnlyList<ReviewHit> Hits, IReadOnlyList<InformationRequestResponse> InformationRequests, IReadOnlyList<DecisionResponse> Decisions);

public sealed record QueueItem(
    Guid ProposalId, string Title, ProposalStatus Status, RiskLevel RiskLevel, string? AssignedReviewerId, DateTimeOffset? SubmittedAt, int OpenHits);

public sealed record QueueFilter(RiskLevel? MinRisk, ProposalStatus? Status, string? Assignee, int? OlderThanDays, string? Sort, int? Page, int? PageSize);

public sealed record DispositionRequest(Disposition? Disposition, string? Reason, string? Note);
public sealed record ConditionRequest(string? Description, string? Owner, DateOnly? DueDate);
public sealed record DecisionRequest(ProposalStatus? Outcome, string? Rationale, List<ConditionRequest>? Conditions);

// Watchlists, jobs, audit (dashboards; the administrator and auditor pages build on these)
public sealed record WatchlistResponse(string Id, string DisplayName, string Format, string Source, string? SourceUrl,
    string? RefreshCron, int Severity, Guid? ActiveVersionId, int? ActiveVersionNumber, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record JobResponse(Guid Id, string Kind, string Description, string State, int Processed, int Total, double Percent,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? EtaSeconds, int Attempts, string? Error,
    JsonElement? Result, string? HangfireJobId);

public sealed record AuditEventResponse(
    long Sequence, DateTimeOffset OccurredAt, int EventTypeNumber, string EventType, string ActorId, string ActorKind, string? JobId,
    string SubjectType, Guid? SubjectId, Guid? ProposalId, string? Changes, string? Reason, string? CorrelationId, string? ClientAddress,
    string PreviousHash, string Hash);
