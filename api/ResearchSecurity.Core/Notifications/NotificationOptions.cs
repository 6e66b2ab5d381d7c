using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Core.Notifications;

/// <summary>E-mail and webhook delivery. Without <see cref="SmtpOptions.Host"/> no e-mail is written (webhooks still are).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The web app's address, for the links in messages (they point to pages, never carry record contents).</summary>
    [Required, Url]
    public string WebBaseUrl { get; set; } = "http://127.0.0.1:5090/";

    /// <summary>When the daily digest goes out (cron, UTC).</summary>
    [Required]
    public string DigestCron { get; set; } = "0 7 * * *";

    /// <summary>Outbox rows not dispatched (or messages not sent) this long after they were written are picked up by the sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool SendsEmail => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    [Required, EmailAddress]
    public string From { get; set; } = "research-security@localhost";

    public string FromName { get; set; } = "Research Security";

    /// <summary>STARTTLS when the server offers it (a production relay); the local sink speaks plain SMTP.</summary>
    public bool UseStartTls { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
