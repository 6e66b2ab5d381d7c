using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

public sealed record Recipient(string UserId, string Email);

/// <summary>
/// Who receives a notification: the sign-in users (identity schema, same database) holding a role, or one user, with
/// an e-mail address and not locked out. Read here with SQL because the identity model lives in the API host, and the
/// worker, which sends, must not depend on it.
/// </summary>
public static class RecipientDirectory
{
    public static async Task<IReadOnlyList<Recipient>> ResolveAsync(ResearchSecurityDbContext db, NotificationEvent evt, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        if (evt.RecipientUserId is { } userId)
            return await db.Database.SqlQuery<Recipient>($"""
                SELECT u.id AS user_id, u.email AS email FROM identity.users u
                WHERE u.id = {userId} AND u.email IS NOT NULL AND (u.lockout_end IS NULL OR u.lockout_end < {now})
                """).ToListAsync(ct);
        return await db.Database.SqlQuery<Recipient>($"""
            SELECT u.id AS user_id, u.email AS email FROM identity.users u
            JOIN identity.user_roles ur ON ur.user_id = u.id JOIN identity.roles r ON r.id = ur.role_id
            WHERE r.name = {evt.RecipientRole} AND u.email IS NOT NULL AND (u.lockout_end IS NULL OR u.lockout_end < {now})
            ORDER BY u.id
            """).ToListAsync(ct);
    }
}
