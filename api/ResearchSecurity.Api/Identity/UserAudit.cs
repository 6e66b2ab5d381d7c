using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

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
}
