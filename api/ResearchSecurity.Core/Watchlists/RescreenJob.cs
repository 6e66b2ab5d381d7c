using System.Diagnostics;
using System.Text.Json;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Notifications;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Screening.Matching;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>Parameters of a re-screen, stored on its <see cref="JobProgress"/> row.</summary>
public sealed record RescreenParameters(string WatchlistId, Guid VersionId, Guid? PreviousVersionId);

/// <summary>What a re-screen did, stored as the job's result.</summary>
public sealed record RescreenResult(int Added, int Changed, int Removed, int Subjects, int Screened, int Raised, int ReRaised, int MadeHistorical,
    string Strategy, double Seconds, double ReadSeconds, double ScreenSeconds, double StoreSeconds);

/// <summary>
/// After a list version is activated: hits on entities that left the list become historical, and every stored subject
/// is screened again for the added and changed entities only, so only new hits are raised. Cleared hits on unchanged
/// entities are untouched; a cleared hit whose entity changed is re-raised with the reason (see
/// <see cref="ScreeningHit.Refresh"/>). Work is committed batch by batch with a checkpoint, so a killed worker's
/// retry continues where it stopped, and the unique hit key makes a repeated batch write nothing.
/// </summary>
public sealed class RescreenJob(ResearchSecurityDbContext db, ActiveListsProvider provider, IOptions<RiskOptions> risk,
    IOptions<JobsOptions> options, ILogger<RescreenJob> log)
{
    public const string Kind = "rescreen";

    // The small engine only has to find candidates; a looser threshold keeps it from missing what the full engine would hit.
    private static readonly ScreeningOptions PrefilterOptions = new() { ReturnBelowThresholdDownTo = 0.5 };

    public async Task RunAsync(Guid progressId, PerformContext? context, CancellationToken ct)
    {
        try
        {
            await RescreenAsync(progressId, ct);
        }
        catch (Exception ex) when (JobAttempts.IsLast(context, options.Value))
        {
            log.LogError(ex, "Re-screen {ProgressId} failed on its last attempt", progressId);
            await JobAttempts.RecordFinalFailureAsync(db, progressId, ex, AuditEventType.RescreenFailed, ct);
            throw;
        }
    }

    public async Task RescreenAsync(Guid progressId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var progress = await db.JobProgress.FindAsync([progressId], ct);
        if (progress is null || progress.State == JobProgressState.Succeeded) return;
        var p = JsonSerializer.Deserialize<RescreenParameters>(progress.Parameters, JsonSerializerOptions.Web)!;

        var current = await EntityHashesAsync(p.VersionId, ct);
        var previous = p.PreviousVersionId is { } prev ? await EntityHashesAsync(prev, ct) : [];
        var affected = current.Where(kv => !previous.TryGetValue(kv.Key, out var h) || h != kv.Value).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var changed = affected.Count(previous.ContainsKey);
        var removed = previous.Keys.Where(k => !current.ContainsKey(k)).ToList();

        var lists = await provider.GetAsync(db, ct);
        var version = lists.Version(p.WatchlistId);
        if (version is null || version.VersionId != p.VersionId)
        {
            // A later activation superseded this one; its own re-screen covers the lists now in force.
            progress.Start(0, db.Clock.GetUtcNow());
            progress.Succeed(JsonSerializer.Serialize(new { superseded = true }, JsonSerializerOptions.Web), db.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return;
        }

        var total = await SubjectCatalog.CountAsync(db, ct);
        progress.Start(total, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var tally = new HitTally();
        await RetireRemovedAsync(p.WatchlistId, removed, version.Number, tally, ct);

        var strategy = options.Value.RescreenStrategy;
        var asOf = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        using var delta = strategy == RescreenStrategy.DeltaPrefilter && affected.Count > 0
            ? await ActiveListsProvider.LoadAsync(db, [version], (_, entityId) => affected.Contains(entityId), ct, PrefilterOptions)
            : null;
        var words = strategy == RescreenStrategy.EntityWordIndex
            ? new EntityWordIndex(lists.Entities.Where(e => e.ListId == p.WatchlistId && affected.Contains(e.EntityId)), lists.Entities)
            : null;
        Func<ScreeningSubject, bool>? prefilter = delta is not null ? s => delta.Screen(s, asOf).Count > 0
            : words is not null ? words.MayMatch
            : null;
        var screened = 0;
        var (read, screen, store) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var (typeIndex, after) = ParseCheckpoint(progress.Checkpoint);
        var processed = progress.Processed;
        for (; typeIndex < SubjectTypes.All.Count && affected.Count > 0; typeIndex++, after = null)
        {
            var type = SubjectTypes.All[typeIndex];
            while (true)
            {
                read.Start();
                var page = await SubjectCatalog.PageAsync(db, type, after, only: null, options.Value.RescreenBatchSize, ct);
                read.Stop();
                if (page.Count == 0) break;
                screen.Start();
                var results = ScreenPage(page, lists, prefilter, p.WatchlistId, affected, asOf);
                screen.Stop();
                screened += results.Screened;
                store.Start();
                await StorePageAsync(page, results.Matches, p.WatchlistId, affected, progress, processed + page.Count,
                    $"{typeIndex}:{page[^1].Id}", tally, ct);
                store.Stop();
                processed += page.Count;
                after = page[^1].Id;
                if (page.Count < options.Value.RescreenBatchSize) break;
            }
        }

        // Risk of every proposal whose hits this re-screen touched (also those touched before a restart).
        var since = progress.StartedAt ?? db.Clock.GetUtcNow();
        var touched = await db.ScreeningHits.AsNoTracking().Where(h => h.WatchlistId == p.WatchlistId && h.LastScreenedAt >= since)
            .Select(h => new { h.ProposalId, h.PersonId }).Distinct().ToListAsync(ct);
        var proposals = await ProposalScreening.ProposalsOfAsync(db, touched.Where(t => t.ProposalId != null).Select(t => t.ProposalId!.Value),
            touched.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value), ct);
        var result = new RescreenResult(affected.Count - changed, changed, removed.Count, total, screened, tally.Raised, tally.ReRaised, tally.MadeHistorical,
            strategy.ToString(), Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(read.Elapsed.TotalSeconds, 2), Math.Round(screen.Elapsed.TotalSeconds, 2),
            Math.Round(store.Elapsed.TotalSeconds, 2));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await ProposalScreening.RefreshAsync(db, proposals, risk.Value, db.Clock.GetUtcNow(), ct);
            await AlertApprovedAsync(proposals, p.WatchlistId, since, ct);
            progress.Succeed(JsonSerializer.Serialize(result, JsonSerializerOptions.Web), db.Clock.GetUtcNow());
            db.Audit(AuditEventType.RescreenCompleted, nameof(JobProgress), progress.Id, null, progress.Result);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        log.LogInformation("Re-screen {ProgressId} of {Watchlist} done: {Result}", progressId, p.WatchlistId, progress.Result);
    }

    /// <summary>Dynamic screening: reviewers hear of approved proposals on which this list change raised (or re-raised) hits.</summary>
    private async Task AlertApprovedAsync(IReadOnlyList<Guid> proposals, string watchlistId, DateTimeOffset since, CancellationToken ct)
    {
        var approved = await db.Proposals.AsNoTracking().IgnoreAutoIncludes()
            .Where(x => proposals.Contains(x.Id) && (x.Status == ProposalStatus.Approved || x.Status == ProposalStatus.ApprovedWithConditions))
            .Select(x => x.Id).ToListAsync(ct);
        foreach (var id in approved)
        {
            var fresh = await ProposalRisk.HitsFor(db, id).CountAsync(h => h.WatchlistId == watchlistId && h.Status == HitStatus.Active
                && (h.RaisedAt >= since || (h.ReRaisedAt != null && h.ReRaisedAt >= since)), ct);
            if (fresh > 0) db.NotifyReviewers(Notifications.NotificationKind.ApprovedProposalNewHits, id, count: fresh);
        }
    }

    private sealed record PageResult(Dictionary<int, IReadOnlyList<FieldMatch>> Matches, int Screened);

    /// <summary>
    /// Screens a page on all cores; only matches on the activated list's added or changed entities count. The prefilter
    /// (if any) only picks candidates: the full engine decides, so scores equal those of a normal screening.
    /// </summary>
    private static PageResult ScreenPage(IReadOnlyList<ScreeningSubject> page, ScreeningLists lists, Func<ScreeningSubject, bool>? prefilter, string watchlistId,
        HashSet<string> affected, DateOnly asOf)
    {
        var found = new IReadOnlyList<FieldMatch>?[page.Count];
        var screened = 0;
        Parallel.For(0, page.Count, i =>
        {
            var subject = page[i];
            if (prefilter is not null && !prefilter(subject)) return;
            Interlocked.Increment(ref screened);
            var matches = lists.Screen(subject, asOf).Where(m => m.Match.ListId == watchlistId && affected.Contains(m.Match.EntityId)).ToList();
            found[i] = matches;
        });
        var result = new Dictionary<int, IReadOnlyList<FieldMatch>>();
        for (var i = 0; i < found.Length; i++)
            if (found[i] is { } f) result[i] = f;
        return new PageResult(result, screened);
    }

    private async Task StorePageAsync(IReadOnlyList<ScreeningSubject> page, Dictionary<int, IReadOnlyList<FieldMatch>> matches, string watchlistId,
        HashSet<string> affected, JobProgress progress, int processed, string checkpoint, HitTally tally, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var affectedIds = affected.ToList();
        // Subjects to write: those that matched, and those with hits on the affected entities (which may have to be retired).
        var pageIds = page.Select(s => s.Id).ToList();
        var withHits = await db.ScreeningHits.AsNoTracking()
            .Where(h => pageIds.Contains(h.SubjectId) && h.WatchlistId == watchlistId && affectedIds.Contains(h.EntityId))
            .Select(h => h.SubjectId).Distinct().ToListAsync(ct);
        var writes = page.Select((s, i) => (Subject: s, Index: i))
            .Where(x => (matches.TryGetValue(x.Index, out var m) && m.Count > 0) || withHits.Contains(x.Subject.Id)).ToList();
        if (writes.Count > 0)
        {
            // Lock first, then read the hits, so a screening job on the same subject cannot insert one in between.
            var ids = writes.Select(w => w.Subject.Id).ToList();
            await SubjectLocks.LockSubjectsAsync(db, ids, ct);
            var existing = await db.ScreeningHits.Where(h => ids.Contains(h.SubjectId) && h.WatchlistId == watchlistId && affectedIds.Contains(h.EntityId))
                .ToListAsync(ct);
            var bySubject = existing.ToLookup(h => (h.SubjectType, h.SubjectId));
            var now = db.Clock.GetUtcNow();
            foreach (var (subject, index) in writes)
            {
                var screened = matches.GetValueOrDefault(index) ?? (IReadOnlyList<FieldMatch>)[];
                // Subjects skipped by the prefilter did not match any affected entity: their old hits on them are retired.
                HitWriter.Apply(db, progress.Id, subject, screened, bySubject[(subject.Type, subject.Id)].ToList(), _ => true,
                    "The listed entry changed and no longer matches.", now, tally);
            }
        }
        progress.Advance(processed, checkpoint, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(progress);
    }

    private async Task RetireRemovedAsync(string watchlistId, List<string> removed, int versionNumber, HitTally tally, CancellationToken ct)
    {
        if (removed.Count == 0) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var hits = await db.ScreeningHits.Where(h => h.WatchlistId == watchlistId && removed.Contains(h.EntityId) && h.Status == HitStatus.Active)
            .OrderBy(h => h.SubjectId).ToListAsync(ct);
        await SubjectLocks.LockSubjectsAsync(db, hits.Select(h => h.SubjectId), ct);
        var now = db.Clock.GetUtcNow();
        foreach (var hit in hits)
            HitWriter.MakeHistorical(db, hit, $"The entity is not in version {versionNumber} of the list.", now, tally);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<Dictionary<string, string>> EntityHashesAsync(Guid versionId, CancellationToken ct) =>
        await db.ListedEntities.AsNoTracking().Where(e => e.ListVersionId == versionId)
            .ToDictionaryAsync(e => e.EntityId, e => e.ContentHash, StringComparer.Ordinal, ct);

    private static (int TypeIndex, Guid? After) ParseCheckpoint(string? checkpoint)
    {
        if (checkpoint is null) return (0, null);
        var parts = checkpoint.Split(':');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), Guid.Parse(parts[1]));
    }
}
