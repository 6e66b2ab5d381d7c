using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Screening;

public enum ScreeningOutcome { Pending = 0, Running = 1, Done = 2, Failed = 3 }

/// <summary>
/// One screening of one subject (a partner, an affiliation, a funding source...) against the list versions in force.
/// The subject's screening status shown by the API is its latest run's outcome.
/// </summary>
public sealed class ScreeningRun : Entity
{
    private ScreeningRun() { }

    public string SubjectType { get; private set; } = string.Empty;
    public Guid SubjectId { get; private set; }
    public Guid? ProposalId { get; private set; }
    /// <summary>The fields screened, comma-separated (e.g. "name,address").</summary>
    public string Fields { get; private set; } = string.Empty;
    /// <summary>The list versions used, "watchlistId:versionNumber" comma-separated: the evidence of what was checked.</summary>
    public string ListVersions { get; private set; } = string.Empty;
    public ScreeningOutcome Outcome { get; private set; }
    public string? FailureReason { get; private set; }
    public string? JobId { get; private set; }
    public DateTimeOffset QueuedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int HitCount { get; private set; }

    public static ScreeningRun Queue(string subjectType, Guid subjectId, Guid? proposalId, DateTimeOffset now) => new()
    {
        SubjectType = subjectType, SubjectId = subjectId, ProposalId = proposalId, Outcome = ScreeningOutcome.Pending, QueuedAt = now,
    };

    public void Start(string? jobId, string fields, string listVersions, DateTimeOffset now)
    {
        if (Outcome == ScreeningOutcome.Done) throw new DomainException("This screening run has already finished.");
        Outcome = ScreeningOutcome.Running;
        JobId = jobId;
        Fields = fields;
        ListVersions = listVersions;
        StartedAt = now;
        FailureReason = null;
    }

    public void Complete(int hitCount, DateTimeOffset now)
    {
        Outcome = ScreeningOutcome.Done;
        HitCount = hitCount;
        FinishedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Outcome = ScreeningOutcome.Failed;
        FailureReason = reason.Length > 2000 ? reason[..2000] : reason;
        FinishedAt = now;
    }
}
