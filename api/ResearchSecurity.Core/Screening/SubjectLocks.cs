using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Screening;

/// <summary>
/// Transaction-scoped advisory locks that serialise writers of one subject's hits (screening job vs re-screen vs a
/// second worker) and of one proposal's screening state. Always taken in ascending order, and before the audit
/// chain lock that SaveChanges takes, so two writers never wait on each other in a cycle.
/// </summary>
public static class SubjectLocks
{
    private const int SubjectSpace = 0x5253_0001;
    private const int ProposalSpace = 0x5253_0002;

    public static Task LockSubjectsAsync(ResearchSecurityDbContext db, IEnumerable<Guid> ids, CancellationToken ct) => LockAsync(db, SubjectSpace, ids, ct);

    /// <summary>
    /// The proposals' screening-state locks and their rows (FOR UPDATE, in id order). The row locks matter: the API
    /// updates a proposal row and then takes the audit chain lock, so a job must hold the rows before its first
    /// audited save, or each waits for the other (a PostgreSQL deadlock, seen as a 500 on submit).
    /// </summary>
    public static async Task LockProposalsAsync(ResearchSecurityDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().Order().ToList();
        await LockAsync(db, ProposalSpace, list, ct);
        if (list.Count > 0)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM proposals WHERE id = ANY({list.ToArray()}) ORDER BY id FOR UPDATE", ct);
    }

    private static async Task LockAsync(ResearchSecurityDbContext db, int space, IEnumerable<Guid> ids, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Advisory locks here are transaction-scoped: begin a transaction first.");
        foreach (var key in ids.Select(Key).Distinct().Order())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space}, {key})", ct);
    }

    private static int Key(Guid id)
    {
        Span<byte> b = stackalloc byte[16];
        id.TryWriteBytes(b);
        return BitConverter.ToInt32(b[..4]) ^ BitConverter.ToInt32(b[4..8]) ^ BitConverter.ToInt32(b[8..12]) ^ BitConverter.ToInt32(b[12..]);
    }
}
