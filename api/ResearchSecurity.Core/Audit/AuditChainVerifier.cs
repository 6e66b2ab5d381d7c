using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Audit;

public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem, TimeSpan Elapsed);

/// <summary>
/// Walks the audit chain in sequence order and reports the first event whose content no longer matches its hash,
/// whose link to the previous event is broken, or that is missing (a gap in the sequence means a deleted row).
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(ResearchSecurityDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
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
            if (problem is not null)
                return new AuditVerification(false, checkedCount, Math.Min(expectedSequence, evt.Sequence), problem, clock.GetElapsedTime(started));
            checkedCount++;
            expectedSequence++;
            previousHash = evt.Hash;
        }
        return new AuditVerification(true, checkedCount, null, null, clock.GetElapsedTime(started));
    }
}
