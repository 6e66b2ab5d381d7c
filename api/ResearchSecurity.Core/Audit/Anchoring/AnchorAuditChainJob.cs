using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>
/// Signs the audit chain's head (sequence, hash, time) and appends the digest outside the database. Runs on a schedule
/// and after every decision. Idempotent: when the newest digest already covers the current head, nothing is written.
/// It writes no audit event itself, or every signing would leave a new unsigned head behind.
/// </summary>
public sealed class AnchorAuditChainJob(ResearchSecurityDbContext db, IOptions<AuditAnchorOptions> options, ILogger<AnchorAuditChainJob> log)
{
    public const string RecurringId = "audit-anchor";

    public async Task RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return;
        if (AuditDigestStore.Latest(o.DigestDirectory!) is { } latest && latest.Sequence == head.Sequence && latest.Hash == head.Hash) return;
        using var key = AuditAnchorKeys.Signer(o);
        var digest = AuditDigest.Sign(head.Sequence, head.Hash, db.Clock.GetUtcNow(), key);
        AuditDigestStore.Append(o.DigestDirectory!, digest);
        log.LogInformation("Audit chain anchored at event {Sequence} ({Hash})", head.Sequence, head.Hash);
    }

    public static void Schedule(IRecurringJobManager recurring, AuditAnchorOptions options)
    {
        if (options.Enabled) recurring.AddOrUpdate<AnchorAuditChainJob>(RecurringId, j => j.RunAsync(CancellationToken.None), options.Cron);
        else recurring.RemoveIfExists(RecurringId);
    }

    /// <summary>After a decision: sign the head now, not at the next tick.</summary>
    public static void AfterDecision(IBackgroundJobClient jobs, AuditAnchorOptions options)
    {
        if (options.Enabled) jobs.Enqueue<AnchorAuditChainJob>(j => j.RunAsync(CancellationToken.None));
    }
}
