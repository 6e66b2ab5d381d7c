using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Notifications;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// Screens one subject for one pending <see cref="ScreeningRun"/> against the active list versions. Idempotent: a
/// finished run is skipped, and hits are keyed by (subject, field, list, entity), so a retry or a duplicate delivery
/// writes nothing new.
/// </summary>
public sealed class ScreenSubjectJob(ResearchSecurityDbContext db, ActiveListsProvider lists, IOptions<RiskOptions> risk,
    IOptions<JobsOptions> options, ILogger<ScreenSubjectJob> log)
{
    public async Task RunAsync(Guid runId, PerformContext? context, CancellationToken ct)
    {
        try
        {
            await ScreenAsync(runId, context?.BackgroundJob.Id, ct);
        }
        catch (Exception ex) when (JobAttempts.IsLast(context, options.Value))
        {
            log.LogError(ex, "Screening run {RunId} failed on its last attempt", runId);
            await FailAsync(runId, ex, ct);
            throw;
        }
    }

    public async Task ScreenAsync(Guid runId, string? jobId, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        ScreeningRun? run;
        // 1. Claim, holding the run's row only for this: an edit that coalesced into the run (it holds the row FOR SHARE)
        //    has committed before we go on, so the subject read below includes it.
        await using (var claim = await db.Database.BeginTransactionAsync(ct))
        {
            run = await db.ScreeningRuns.FromSql($"SELECT * FROM screening_runs WHERE id = {runId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (run is null || run.Outcome == ScreeningOutcome.Done) return;
            run.Start(jobId, run.Fields, VersionInUse.Label(await ActiveListsProvider.ActiveVersionsAsync(db, ct)), now);
            await db.SaveChangesAsync(ct);
            await claim.CommitAsync(ct);
        }
        await using (var begin = await db.Database.BeginTransactionAsync(ct))
        {
            await ProposalScreening.BeginAsync(db, await ProposalScreening.ProposalsOfAsync(db, Owner(run), People(run), ct), now, ct);
            await db.SaveChangesAsync(ct);
            await begin.CommitAsync(ct);
        }

        // 2. Screen and store, under the subject's lock so a re-screen or a second worker cannot interleave.
        var engine = await lists.GetAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SubjectLocks.LockSubjectsAsync(db, [run.SubjectId], ct);
        await db.Entry(run).ReloadAsync(ct);
        if (run.Outcome == ScreeningOutcome.Done) return; // a duplicate delivery finished it while we waited for the lock
        // Other pending runs of this subject committed by now are covered by this screening (their own jobs will find them done);
        // rows another job is claiming right now are skipped, never waited for.
        var coalesced = await db.ScreeningRuns.FromSql($"""
            SELECT * FROM screening_runs WHERE subject_id = {run.SubjectId} AND subject_type = {run.SubjectType}
            AND outcome = 'Pending' AND id <> {run.Id} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var key = new SubjectKey(run.SubjectType, run.SubjectId);
        var subject = await SubjectCatalog.LoadAsync(db, key, ct);
        var existing = await db.ScreeningHits.Where(h => h.SubjectType == key.Type && h.SubjectId == key.Id).ToListAsync(ct);
        var tally = new HitTally();
        now = db.Clock.GetUtcNow();
        if (subject is null)
        {
            foreach (var hit in existing) HitWriter.MakeHistorical(db, hit, "The record was removed.", now, tally);
        }
        else
        {
            var matches = engine.Screen(subject, DateOnly.FromDateTime(now.UtcDateTime));
            var screenedLists = engine.Versions.Select(v => v.WatchlistId).ToHashSet();
            HitWriter.Apply(db, run.Id, subject, matches, existing, h => screenedLists.Contains(h.WatchlistId),
                "The screened text no longer matches this entity.", now, tally);
        }
        var fields = string.Join(",", subject?.Fields.Select(f => f.Field) ?? []);
        var activeHits = db.ChangeTracker.Entries<ScreeningHit>().Count(e => e.Entity.SubjectId == key.Id && e.Entity.Status == HitStatus.Active);
        foreach (var r in coalesced.Prepend(run))
        {
            r.Start(jobId, fields, engine.Label, r.StartedAt ?? now);
            r.Complete(activeHits, now);
        }
        db.Audit(AuditEventType.ScreeningCompleted, run.SubjectType, run.SubjectId, run.ProposalId, AuditChanges.Of(null, new
        {
            RunId = run.Id, Coalesced = coalesced.Select(r => r.Id), Fields = fields, ListVersions = engine.Label,
            tally.Raised, tally.ReRaised, tally.MadeHistorical,
        }));
        // The proposals are locked before this transaction's first audited save (see SubjectLocks.LockProposalsAsync).
        // A report's party is evidence for the risk rules: the proposals already naming it are assessed again with it.
        var naming = run.SubjectType == SubjectTypes.ApproachReport ? await ApproachReports.ReportedParties.ProposalsNamingAsync(db, run.SubjectId, ct) : [];
        var proposals = await ProposalScreening.ProposalsOfAsync(db, Owner(run).Concat(tally.Proposals).Concat(naming), People(run).Concat(tally.People), ct);
        await SubjectLocks.LockProposalsAsync(db, proposals, ct);
        if (tally.Raised > 0) await AlertReviewersAsync(proposals, tally.Raised, ct);
        await db.SaveChangesAsync(ct);
        await ProposalScreening.RefreshAsync(db, proposals, risk.Value, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task FailAsync(Guid runId, Exception ex, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var run = await db.ScreeningRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.Outcome == ScreeningOutcome.Done) return;
        run.Fail($"{ex.GetType().Name}: {ex.Message}", db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ScreeningFailed, run.SubjectType, run.SubjectId, run.ProposalId, null, run.FailureReason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A hit raised on a proposal already in the review queue (an edit, a member added) is news for the reviewers.</summary>
    private async Task AlertReviewersAsync(IReadOnlyList<Guid> proposals, int raised, CancellationToken ct)
    {
        var inQueue = await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(p => proposals.Contains(p.Id) && (p.Status == Proposals.ProposalStatus.InReview || p.Status == Proposals.ProposalStatus.InfoRequested
                || p.Status == Proposals.ProposalStatus.Escalated))
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in inQueue) db.NotifyReviewers(Notifications.NotificationKind.HitsOnQueue, id, count: raised);
    }

    private static IEnumerable<Guid> Owner(ScreeningRun run) => run.ProposalId is { } p ? [p] : [];
    private static IEnumerable<Guid> People(ScreeningRun run) => run.PersonId is { } p ? [p] : [];
}
