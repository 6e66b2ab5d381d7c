using Microsoft.EntityFrameworkCore.Storage;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Sign-ins and user administration go to the records audit trail (hash-chained, append-only) like every other
/// decision. Identity user ids are GUID strings, which the trail stores as the subject id.
/// </summary>
public static class UserAudit
{
    public const string SubjectType = "User";

    public static async Task RecordAsync(this ResearchSecurityDbContext db, AuditEventType type, string? userId, object? before, object? after,
        string? reason, CancellationToken ct)
    {
        db.Audit(type, SubjectType, Guid.TryParse(userId, out var id) ? id : null, null, AuditChanges.Of(before, after), reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Lets a user change (identity schema) and its audit event (records context) commit or roll back together: the
    /// records context joins the identity context's connection and transaction. Commit the returned transaction after
    /// <see cref="RecordAsync"/>; disposing it uncommitted rolls both back.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSharedTransactionAsync(this ResearchSecurityDbContext records,
        ApplicationIdentityDbContext identity, CancellationToken ct)
    {
        var transaction = await identity.Database.BeginTransactionAsync(ct);
        records.Database.SetDbConnection(identity.Database.GetDbConnection());
        await records.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        return transaction;
    }
}
