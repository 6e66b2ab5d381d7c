using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit.Anchoring;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Audit;

/// <param name="DigestsChecked">Signed digests from outside the database the chain was checked against (0: none configured).</param>
/// <param name="AnchoredThrough">The newest event a digest vouches for.</param>
public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem, TimeSpan Elapsed,
    int DigestsChecked = 0, long? AnchoredThrough = null);

/// <summary>
/// Walks the audit chain in sequence order and reports the first event whose content no longer matches its hash,
/// whose link to the previous event is broken, or that is missing (a gap in the sequence means a deleted row).
/// With signed digests (<see cref="AuditAnchorSet"/>) it also catches what the chain alone cannot: the newest events
/// deleted (the chain ends early but a digest vouches for more) and the whole chain rewritten with recomputed hashes
/// (an event's hash differs from the one a digest signed).
/// </summary>
public static class AuditChainVerifier
{
    public static Task<AuditVerification> VerifyAsync(ResearchSecurityDbContext db, TimeProvider clock, CancellationToken ct = default) =>
        VerifyAsync(db, clock, null, ct);

    public static async Task<AuditVerification> VerifyAsync(ResearchSecurityDbContext db, TimeProvider clock, AuditAnchorSet? anchors, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var digests = anchors?.Digests ?? [];
        var anchoredThrough = digests.Count == 0 ? (long?)null : digests.Max(d => d.Sequence);
        AuditVerification Result(bool intact, long checkedCount, long? broken, string? problem) =>
            new(intact, checkedCount, broken, problem, clock.GetElapsedTime(started), digests.Count, anchoredThrough);
        if (anchors?.Refusal is { } refusal) return Result(false, 0, null, refusal);

        var bySequence = digests.ToLookup(d => d.Sequence);
        long expectedSequence = 1, checkedCount = 0;
        var previousHash = AuditEvent.GenesisHash;
        await foreach (var evt in db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem = null;
            if (evt.Sequence != expectedSequence)
                problem = $"Event {expectedSequence} is missing (next present is {evt.Sequence}): rows were deleted.";
            else if (evt.PreviousHash != previousHash)
                problem = $"Event {evt.Sequence} does not link to the event before it: the chain was altered.";
            else if (evt.ComputeHash() != evt.Hash)
                problem = $"Event {evt.Sequence} no longer matches its hash: its content was altered.";
            else if (bySequence[evt.Sequence].FirstOrDefault(d => d.Hash != evt.Hash) is { } signed)
                problem = $"Event {evt.Sequence} differs from the digest signed at {signed.SignedAt:u}: the chain was rewritten up to here, hashes recomputed.";
            if (problem is not null) return Result(false, checkedCount, Math.Min(expectedSequence, evt.Sequence), problem);
            checkedCount++;
            expectedSequence++;
            previousHash = evt.Hash;
        }
        var last = expectedSequence - 1;
        if (digests.Where(d => d.Sequence > last).MaxBy(d => d.Sequence) is { } beyond)
            return Result(false, checkedCount, last + 1,
                $"Events {last + 1}–{beyond.Sequence} are missing: the digest signed at {beyond.SignedAt:u} vouches for {beyond.Sequence} events, the database ends at event {last}.");
        return Result(true, checkedCount, null, null);
    }
}
