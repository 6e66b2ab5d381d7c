using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Notifications;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Core.Screening;

/// <summary>A proposal's screening as a whole: the latest run of each of its subjects.</summary>
public sealed record ProposalScreeningStatus(string Status, int Subjects, int Pending, int Running, int Done, int Failed,
    IReadOnlyList<ScreeningRun> LatestRuns)
{
    public IEnumerable<string> FailureReasons => LatestRuns.Where(r => r.Outcome == ScreeningOutcome.Failed).Select(r => r.FailureReason ?? "unknown");
}

/// <summary>
/// Keeps proposals in step with the screening of their subjects: status (Submitted → Screening → InReview) and the
/// provisional risk level derived from their hits.
/// </summary>
public static class ProposalScreening
{
    /// <summary>The proposals a set of subjects belongs to: directly, or through a person who is a member.</summary>
    public static async Task<List<Guid>> ProposalsOfAsync(ResearchSecurityDbContext db, IEnumerable<Guid> proposalIds, IEnumerable<Guid> personIds,
        CancellationToken ct)
    {
        var people = personIds.Distinct().ToList();
        var viaPeople = people.Count == 0 ? [] : await db.ProposalMembers.AsNoTracking().Where(m => people.Contains(m.PersonId))
            .Select(m => m.ProposalId).Distinct().ToListAsync(ct);
        return proposalIds.Concat(viaPeople).Distinct().Order().ToList();
    }

    public static async Task<ProposalScreeningStatus> StatusAsync(ResearchSecurityDbContext db, Guid proposalId, CancellationToken ct)
    {
        var subjects = await SubjectCatalog.OfProposalAsync(db, proposalId, ct);
        var ids = subjects.Select(s => s.Key.Id).ToList();
        var runs = await db.ScreeningRuns.AsNoTracking().Where(r => ids.Contains(r.SubjectId)).ToListAsync(ct);
        var latest = runs.GroupBy(r => (r.SubjectType, r.SubjectId))
            .Select(g => g.OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id).First()).ToList();
        int Count(ScreeningOutcome o) => latest.Count(r => r.Outcome == o);
        var unscreened = subjects.Count - latest.Count;
        var (pending, running, done, failed) = (Count(ScreeningOutcome.Pending) + unscreened, Count(ScreeningOutcome.Running), Count(ScreeningOutcome.Done), Count(ScreeningOutcome.Failed));
        var status = failed > 0 ? "failed" : running > 0 ? "running" : pending > 0 ? (done > 0 ? "running" : "pending") : "done";
        return new ProposalScreeningStatus(status, subjects.Count, pending, running, done, failed, latest);
    }

    /// <summary>The worker picked up a subject: submitted proposals it belongs to are now being screened.</summary>
    public static async Task BeginAsync(ResearchSecurityDbContext db, IReadOnlyList<Guid> proposalIds, DateTimeOffset now, CancellationToken ct)
    {
        if (proposalIds.Count == 0) return;
        await SubjectLocks.LockProposalsAsync(db, proposalIds, ct);
        foreach (var proposal in await db.Proposals.IgnoreAutoIncludes().Where(p => proposalIds.Contains(p.Id) && p.Status == ProposalStatus.Submitted).ToListAsync(ct))
        {
            proposal.BeginScreening(now);
            db.Audit(AuditEventType.ProposalScreeningStarted, nameof(Proposal), proposal.Id, proposal.Id,
                AuditChanges.Of(new { Status = nameof(ProposalStatus.Submitted) }, new { Status = proposal.Status.ToString() }));
        }
    }

    /// <summary>
    /// After hits changed (and were saved in the current transaction): completes the screening of proposals whose
    /// subjects are all screened, then assesses them (red-flag rules and risk level, see <see cref="Risk.RiskAssessor"/>).
    /// Re-running it on the same hits changes nothing.
    /// </summary>
    public static async Task RefreshAsync(ResearchSecurityDbContext db, IReadOnlyList<Guid> proposalIds, RiskOptions options, DateTimeOffset now,
        CancellationToken ct)
    {
        if (proposalIds.Count == 0) return;
        await SubjectLocks.LockProposalsAsync(db, proposalIds, ct);
        var proposals = await db.Proposals.IgnoreAutoIncludes().Where(p => proposalIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var proposal in proposals)
        {
            if (proposal.Status is ProposalStatus.Submitted or ProposalStatus.Screening)
            {
                var status = await StatusAsync(db, proposal.Id, ct);
                if (status.Pending == 0 && status.Running == 0)
                {
                    var before = proposal.Status;
                    proposal.CompleteScreening(now);
                    db.Audit(AuditEventType.ProposalScreeningCompleted, nameof(Proposal), proposal.Id, proposal.Id,
                        AuditChanges.Of(new { Status = before.ToString() }, new { Status = proposal.Status.ToString() }),
                        status.Failed > 0 ? $"{status.Failed} subject(s) could not be screened." : null);
                    var hits = await ProposalRisk.HitsFor(db, proposal.Id).CountAsync(h => h.Status == HitStatus.Active, ct);
                    if (hits > 0) db.NotifyReviewers(NotificationKind.HitsOnQueue, proposal.Id, count: hits);
                }
            }
        }
        await Risk.RiskAssessor.AssessAsync(db, proposalIds, options, ct);
    }
}
