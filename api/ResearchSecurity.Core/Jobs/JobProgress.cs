using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Jobs;

public enum JobProgressState { Queued = 0, Running = 1, Succeeded = 2, Failed = 3 }

/// <summary>
/// A long-running background job as users see it (a re-screen after a list activation, a list refresh): state,
/// processed/total, timing and a resume checkpoint. Hangfire keeps the queue; this row keeps what the product
/// promises to show, and lets a restarted job continue where a killed worker stopped.
/// </summary>
public sealed class JobProgress : Entity
{
    private JobProgress() { }

    public string Kind { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public string? HangfireJobId { get; private set; }
    /// <summary>Parameters of the job as JSON (e.g. the watchlist, previous and new version).</summary>
    public string Parameters { get; private set; } = "{}";
    public JobProgressState State { get; private set; }
    public int Processed { get; private set; }
    public int Total { get; private set; }
    /// <summary>Where to resume: the last subject key whose results are committed.</summary>
    public string? Checkpoint { get; private set; }
    public int Attempts { get; private set; }
    public string? Error { get; private set; }
    /// <summary>What the job found, as JSON (hits raised, re-raised, made historical...).</summary>
    public string? Result { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static JobProgress Create(string kind, string description, string parameters, DateTimeOffset now) => new()
    {
        Kind = kind, Description = description, Parameters = parameters, State = JobProgressState.Queued, CreatedAt = now, UpdatedAt = now,
    };

    public void AttachHangfireJob(string jobId) => HangfireJobId = jobId;

    /// <summary>Starts or resumes: the checkpoint and the processed count survive a restart.</summary>
    public void Start(int total, DateTimeOffset now)
    {
        if (State == JobProgressState.Succeeded) throw new DomainException("This job has already finished.");
        State = JobProgressState.Running;
        Total = total;
        StartedAt ??= now;
        Attempts++;
        Error = null;
        UpdatedAt = now;
    }

    public void Advance(int processed, string checkpoint, DateTimeOffset now)
    {
        Processed = processed;
        Checkpoint = checkpoint;
        UpdatedAt = now;
    }

    public void Succeed(string? result, DateTimeOffset now)
    {
        State = JobProgressState.Succeeded;
        Processed = Total;
        Result = result;
        FinishedAt = now;
        UpdatedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        State = JobProgressState.Failed;
        Error = reason.Length > 4000 ? reason[..4000] : reason;
        FinishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Estimated time left, from the rate so far; null until something was processed.</summary>
    public TimeSpan? EstimatedRemaining(DateTimeOffset now)
    {
        if (State != JobProgressState.Running || StartedAt is null || Processed <= 0 || Total <= Processed) return null;
        var perItem = (now - StartedAt.Value) / Processed;
        return perItem * (Total - Processed);
    }
}
