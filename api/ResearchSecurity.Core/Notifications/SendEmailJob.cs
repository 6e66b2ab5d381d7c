using Hangfire.Server;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// Sends one pending e-mail over SMTP (MailKit). The row is locked for the send, so two deliveries of the job never
/// both send it; a failure is counted and rethrown for Hangfire's retry with backoff, the last one leaves it Failed.
/// </summary>
public sealed class SendEmailJob(ResearchSecurityDbContext db, IOptions<NotificationOptions> options, IOptions<JobsOptions> jobs,
    ILogger<SendEmailJob> log)
{
    public async Task RunAsync(Guid messageId, PerformContext? context, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.EmailMessages.FromSql($"SELECT * FROM email_messages WHERE id = {messageId} FOR UPDATE SKIP LOCKED").SingleOrDefaultAsync(ct);
        if (message is null || message.State != EmailState.Pending) return;
        try
        {
            await SendAsync(message, ct);
            message.MarkSent(db.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logs carry ids, never addresses.
            log.LogWarning(ex, "E-mail {MessageId} could not be sent", messageId);
            message.Attempt($"{ex.GetType().Name}: {ex.Message}");
            if (JobAttempts.IsLast(context, jobs.Value)) message.MarkFailed(message.LastError!);
            await db.SaveChangesAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id}@research-security";
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
