using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Core.Jobs;

public enum RescreenStrategy
{
    /// <summary>Screen every stored subject with the full engine, keep matches on added/changed entities.</summary>
    FullScan = 0,
    /// <summary>Screen every subject with a small engine of only the added/changed entities; confirm its candidates with the full engine.</summary>
    DeltaPrefilter = 1,
    /// <summary>Probe every subject's words against a word index of the added/changed entities; confirm the few candidates with the full engine.</summary>
    EntityWordIndex = 2,
}

/// <summary>Background-job settings shared by the API (which enqueues) and the worker (which runs the jobs).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a screening request waits before its job runs, so a burst of edits makes one job per subject.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CoalesceDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after the first failure; the last failure leaves the job (and its run) in a visible failed state.</summary>
    [Range(0, 20)]
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Backoff between retries, in seconds; the last value repeats.</summary>
    [MinLength(1)]
    public int[] RetryDelaysSeconds { get; set; } = [10, 60, 300];

    /// <summary>
    /// A save that queues more screening runs than this (a bulk import) schedules them as batch jobs of this many runs
    /// each; fewer runs get one job each, as an edit does.
    /// </summary>
    [Range(1, 10_000)]
    public int ScreeningBatchSize { get; set; } = 200;

    /// <summary>Subjects screened and committed per batch of a re-screen; the batch is also the resume unit.</summary>
    [Range(10, 100_000)]
    public int RescreenBatchSize { get; set; } = 2000;

    public RescreenStrategy RescreenStrategy { get; set; } = RescreenStrategy.EntityWordIndex;

    /// <summary>A job taken by a worker that stopped heart-beating is handed to another worker after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>Pending screening runs older than this without progress are re-enqueued by the sweeper (outbox recovery).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StalePendingAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest watchlist file accepted by upload or URL refresh, in bytes.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxListFileBytes { get; set; } = 50 * 1024 * 1024;
}
