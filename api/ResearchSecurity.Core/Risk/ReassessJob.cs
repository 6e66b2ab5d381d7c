using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Core.Risk;

public sealed record ReassessParameters(int PolicyVersion);

/// <summary>
/// After a policy version is put in force: every open proposal is assessed again under it, batch by batch, each batch
/// committed with a checkpoint (the last proposal id) so a killed worker's retry resumes there. Flags are keyed per
/// (proposal, rule, key), so a repeated batch changes nothing.
/// </summary>
public sealed class ReassessJob(ResearchSecurityDbContext db, IOptions<RiskOptions> risk, IOptions<JobsOptions> options, ILogger<ReassessJob> log)
{
    public const string Kind = "risk-reassess";

    private static readonly ProposalStatus[] Closed = [ProposalStatus.Draft, ProposalStatus.Rejected, ProposalStatus.Withdrawn];

    public async Task RunAsync(Guid progressId, PerformContext? context, CancellationToken ct)
    {
        try
        {
            await ReassessAsync(progressId, ct);
        }
        catch (Exception ex) when (JobAttempts.IsLast(context, options.Value))
        {
            log.LogError(ex, "Risk re-assessment {ProgressId} failed on its last attempt", progressId);
            await JobAttempts.RecordFinalFailureAsync(db, progressId, ex, AuditEventType.RiskReassessmentFailed, ct);
            throw;
        }
    }

    public async Task ReassessAsync(Guid progressId, CancellationToken ct)
    {
        var progress = await db.JobProgress.FindAsync([progressId], ct);
        if (progress is null || progress.State == JobProgressState.Succeeded) return;
        var parameters = JsonSerializer.Deserialize<ReassessParameters>(progress.Parameters, JsonSerializerOptions.Web)!;
        var inForce = await RiskPolicies.ActiveAsync(db, ct);
        if (inForce.Version != parameters.PolicyVersion)
        {
            // A later activation superseded this one; its own job re-assesses under the policy now in force.
            progress.Start(0, db.Clock.GetUtcNow());
            progress.Succeed(JsonSerializer.Serialize(new { superseded = true }, JsonSerializerOptions.Web), db.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return;
        }
        var total = await db.Proposals.IgnoreAutoIncludes().CountAsync(p => !Closed.Contains(p.Status), ct);
        progress.Start(total, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var after = progress.Checkpoint is { } c ? Guid.Parse(c) : Guid.Empty;
        var processed = progress.Processed;
        var (raised, reRaised, resolved, levels) = (0, 0, 0, 0);
        while (true)
        {
            var page = await db.Proposals.IgnoreAutoIncludes().AsNoTracking().Where(p => !Closed.Contains(p.Status) && p.Id.CompareTo(after) > 0)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(options.Value.RescreenBatchSize).ToListAsync(ct);
            if (page.Count == 0) break;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await Screening.SubjectLocks.LockProposalsAsync(db, page, ct);
            var tally = await RiskAssessor.AssessAsync(db, page, risk.Value, ct);
            (raised, reRaised, resolved, levels) = (raised + tally.Raised, reRaised + tally.ReRaised, resolved + tally.Resolved, levels + tally.LevelsChanged);
            processed += page.Count;
            after = page[^1];
            progress.Advance(Math.Min(processed, total), after.ToString(), db.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(progress);
        }
        progress.Succeed(JsonSerializer.Serialize(new { PolicyVersion = parameters.PolicyVersion, Proposals = processed, Raised = raised, ReRaised = reRaised,
            Resolved = resolved, LevelsChanged = levels }, JsonSerializerOptions.Web), db.Clock.GetUtcNow());
        db.Audit(AuditEventType.RiskReassessmentCompleted, nameof(JobProgress), progress.Id, null, progress.Result);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Puts a policy version in force and queues the re-assessment of open proposals (saved together; the job follows the commit).</summary>
public static class RiskPolicyActivation
{
    public static async Task<JobProgress> ActivateAsync(ResearchSecurityDbContext db, IBackgroundJobClient? jobs, RiskPolicyVersion version, string actor,
        CancellationToken ct)
    {
        var previous = await db.RiskPolicyVersions.FirstOrDefaultAsync(v => v.Status == RiskPolicyStatus.Active && v.Id != version.Id, ct);
        var now = db.Clock.GetUtcNow();
        version.Activate(previous, actor, now);
        var progress = JobProgress.Create(ReassessJob.Kind, $"Re-assess open proposals under risk policy {version.Label}",
            JsonSerializer.Serialize(new ReassessParameters(version.Number), JsonSerializerOptions.Web), now);
        db.JobProgress.Add(progress);
        db.Audit(AuditEventType.RiskPolicyActivated, nameof(RiskPolicyVersion), version.Id, null, AuditChanges.Of(
            new { ActiveVersion = previous?.Number, PolicyId = previous?.PolicyId },
            new { ActiveVersion = version.Number, version.PolicyId, ReassessJob = progress.Id }));
        await db.SaveChangesAsync(ct);
        if (jobs is null) return progress;
        var id = progress.Id;
        progress.AttachHangfireJob(jobs.Enqueue<ReassessJob>(j => j.RunAsync(id, null, CancellationToken.None)));
        await db.SaveChangesAsync(ct);
        return progress;
    }
}
