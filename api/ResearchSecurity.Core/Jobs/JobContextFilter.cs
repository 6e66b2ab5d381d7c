using Hangfire.Server;

namespace ResearchSecurity.Core.Jobs;

/// <summary>
/// Makes the id of the Hangfire job being performed available to the job's services (its audit context), so every
/// audit event a job writes names the job. Hangfire calls the filter on the performing thread before it opens the
/// job's DI scope.
/// </summary>
public sealed class JobContextFilter : IServerFilter
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? CurrentJobId => Current.Value;

    public void OnPerforming(PerformingContext context) => Current.Value = context.BackgroundJob.Id;

    public void OnPerformed(PerformedContext context) => Current.Value = null;
}
