namespace ResearchSecurity.Api.Features.Notifications;

public sealed record NotificationPreferenceItem(NotificationKind Kind, NotificationMode Mode);

public sealed record NotificationPreferencesResponse(IReadOnlyList<NotificationPreferenceItem> Preferences);

public static class GetNotificationPreferences
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", Handle).WithName(nameof(GetNotificationPreferences))
            .WithSummary("Get my notification preferences")
            .WithDescription("The caller's choice for every notification kind: `Immediate` (the default), `Digest` (one daily e-mail) or `Off`.");

    public static async Task<Ok<NotificationPreferencesResponse>> Handle(ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, user.Id, ct));

    public static async Task<NotificationPreferencesResponse> LoadAsync(ResearchSecurityDbContext db, string userId, CancellationToken ct)
    {
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Mode, ct);
        return new NotificationPreferencesResponse(Enum.GetValues<NotificationKind>()
            .Select(k => new NotificationPreferenceItem(k, stored.GetValueOrDefault(k, NotificationMode.Immediate))).ToList());
    }
}
