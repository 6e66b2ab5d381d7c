using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Notifications;

/// <summary>One user's choice for one kind. A kind without a row is <see cref="NotificationMode.Immediate"/>.</summary>
public sealed class NotificationPreference : Entity
{
    private NotificationPreference() { }

    public string UserId { get; private set; } = string.Empty;
    public NotificationKind Kind { get; private set; }
    public NotificationMode Mode { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationPreference For(string userId, NotificationKind kind, NotificationMode mode, DateTimeOffset now) =>
        new() { UserId = userId, Kind = kind, Mode = mode, UpdatedAt = now };

    public bool Set(NotificationMode mode, DateTimeOffset now)
    {
        if (Mode == mode) return false;
        Mode = mode;
        UpdatedAt = now;
        return true;
    }
}
