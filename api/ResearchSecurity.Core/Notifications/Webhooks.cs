using System.Security.Cryptography;
using System.Text;
using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// A receiver of signed notification webhooks, registered by an administrator (e.g. the office's ticketing system).
/// The secret is generated here, shown once at registration and used to sign every delivery.
/// </summary>
public sealed class WebhookSubscription : Entity
{
    private WebhookSubscription() { }

    public string Name { get; private set; } = string.Empty;
    public string Url { get; private set; } = string.Empty;
    public string Secret { get; private set; } = string.Empty;
    /// <summary>The kinds delivered; empty means all.</summary>
    public List<NotificationKind> Kinds { get; private set; } = [];
    public bool IsActive { get; private set; }
    public string CreatedBy { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }

    public static WebhookSubscription Register(string name, Uri url, IEnumerable<NotificationKind> kinds, string admin, DateTimeOffset now) => new()
    {
        Name = name.Trim(), Url = url.ToString(), Kinds = kinds.Distinct().Order().ToList(), IsActive = true, CreatedBy = admin, CreatedAt = now,
        Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public bool Wants(NotificationKind kind) => IsActive && (Kinds.Count == 0 || Kinds.Contains(kind));

    public void Remove(DateTimeOffset now)
    {
        if (!IsActive) throw new DomainException("This webhook subscription was already removed.");
        IsActive = false;
        RemovedAt = now;
    }
}

public enum WebhookDeliveryState { Pending = 0, Delivered = 1, Failed = 2 }

/// <summary>One event for one subscription (unique pair): the body is fixed when the delivery is written, so retries sign the same bytes.</summary>
public sealed class WebhookDelivery : Entity
{
    private WebhookDelivery() { }

    public Guid EventId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public string Body { get; private set; } = string.Empty;
    public WebhookDeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery For(Guid eventId, Guid subscriptionId, string body, DateTimeOffset now) =>
        new() { EventId = eventId, SubscriptionId = subscriptionId, Body = body, State = WebhookDeliveryState.Pending, CreatedAt = now };

    public void Attempt(int? status, string? error)
    {
        Attempts++;
        LastStatusCode = status;
        LastError = error;
    }

    public void MarkDelivered(DateTimeOffset now)
    {
        State = WebhookDeliveryState.Delivered;
        DeliveredAt = now;
    }

    public void MarkFailed() => State = WebhookDeliveryState.Failed;
}

/// <summary>
/// The webhook signature: <c>X-RS-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 over "t.body"&gt;</c> with the
/// subscription's secret. The timestamp is inside the MAC, so a receiver that also bounds its age refuses replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-RS-Signature";

    public static string Sign(string secret, string body, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>What a receiver checks: well-formed header, the MAC in constant time, and a timestamp within <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header)) return false;
        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) return false;
            if (kv[0] == "t" && long.TryParse(kv[1], out var ts)) t = ts;
            else if (kv[0] == "v1") v1 = kv[1];
        }
        if (t is null || v1 is null) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(t.Value)).Duration() > tolerance) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, t.Value, body)), Encoding.ASCII.GetBytes(v1));
    }

    private static string Mac(string secret, long t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
}
