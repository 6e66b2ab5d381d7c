using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// Daily: gathers each user's messages waiting for the digest into one e-mail (written Pending, so
/// <see cref="SendEmailJob"/> sends it) and marks them digested, in one transaction per user. Running it twice sends
/// nothing twice: digested messages are not waiting any more.
/// </summary>
public sealed class SendDigestsJob(ResearchSecurityDbContext db, IOptions<NotificationOptions> options)
{
    public const string RecurringId = "notification-digest";

    public static void Schedule(IRecurringJobManager recurring, NotificationOptions options) =>
        recurring.AddOrUpdate<SendDigestsJob>(RecurringId, j => j.RunAsync(CancellationToken.None), options.DigestCron);

    public async Task RunAsync(CancellationToken ct)
    {
        var users = await db.EmailMessages.AsNoTracking().Where(m => m.State == EmailState.InDigest).Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var user in users)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var waiting = await db.EmailMessages.FromSql($"SELECT * FROM email_messages WHERE user_id = {user} AND state = 'InDigest' FOR UPDATE SKIP LOCKED")
                .OrderBy(m => m.CreatedAt).ToListAsync(ct);
            if (waiting.Count == 0) continue;
            var body = new StringBuilder($"Your daily summary: {waiting.Count} notification(s).\n\n");
            foreach (var m in waiting) body.Append("• ").Append(m.Subject).Append('\n').Append("  ").Append(m.Body.Replace("\n", "\n  ", StringComparison.Ordinal).TrimEnd()).Append("\n\n");
            var digest = EmailMessage.Compose(null, user, waiting[0].To,
                new NotificationText($"[Research Security] Daily summary: {waiting.Count} notification(s)", body.ToString(), options.Value.WebBaseUrl), digest: false,
                db.Clock.GetUtcNow());
            db.EmailMessages.Add(digest);
            foreach (var m in waiting) m.MarkDigested(digest.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }
}
