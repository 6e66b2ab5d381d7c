using Hangfire.Server;

namespace ResearchSecurity.Core.Jobs;

public static class JobAttempts
{
    /// <summary>
    /// True when this execution is the last one the retry filter allows, so the job should record a visible failure
    /// before Hangfire moves it to Failed. Without a Hangfire context (direct calls) every attempt is the last.
    /// </summary>
    public static bool IsLast(PerformContext? context, JobsOptions options) =>
        context is null || context.GetJobParameter<int>("RetryCount") >= options.RetryAttempts;
}
