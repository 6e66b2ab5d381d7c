namespace ResearchSecurity.Api.Features.Notifications;

public static class SetNotificationPreferences
{
    public sealed record SetPreferencesRequest(IReadOnlyList<NotificationPreferenceItem>? Preferences);

    public sealed class Validator : AbstractValidator<SetPreferencesRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Preferences).NotNull().WithMessage("Required.");
            RuleForEach(x => x.Preferences).ChildRules(p =>
            {
                p.RuleFor(x => x.Kind).IsInEnum();
                p.RuleFor(x => x.Mode).IsInEnum();
            });
            RuleFor(x => x.Preferences).Must(p => p is null || p.Select(x => x.Kind).Distinct().Count() == p.Count).WithMessage("Each kind at most once.");
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/", Handle).WithName(nameof(SetNotificationPreferences))
            .WithSummary("Set my notification preferences")
            .WithDescription("Sets the mode of the kinds given (others keep theirs). Audited with the modes before and after.")
            .Validate<SetPreferencesRequest>();

    public static async Task<Ok<NotificationPreferencesResponse>> Handle(SetPreferencesRequest request, ResearchSecurityDbContext db, CurrentUser user,
        CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var stored = await db.NotificationPreferences.Where(p => p.UserId == user.Id).ToDictionaryAsync(p => p.Kind, ct);
        var before = new Dictionary<string, string>();
        var after = new Dictionary<string, string>();
        foreach (var item in request.Preferences!)
        {
            var previous = stored.TryGetValue(item.Kind, out var row) ? row.Mode : NotificationMode.Immediate;
            if (previous == item.Mode) continue;
            if (row is null) db.NotificationPreferences.Add(NotificationPreference.For(user.Id, item.Kind, item.Mode, now));
            else row.Set(item.Mode, now);
            before[item.Kind.ToString()] = previous.ToString();
            after[item.Kind.ToString()] = item.Mode.ToString();
        }
        if (after.Count > 0)
        {
            db.Audit(AuditEventType.NotificationPreferencesChanged, "User", null, null, AuditChanges.Of(before, after));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(await GetNotificationPreferences.LoadAsync(db, user.Id, ct));
    }
}
