namespace ResearchSecurity.Api.Features.Notifications;

public sealed record WebhookResponse(Guid Id, string Name, string Url, IReadOnlyList<NotificationKind> Kinds, bool IsActive, string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>Answered once, at registration: the secret the receiver verifies signatures with.</summary>
public sealed record RegisteredWebhookResponse(Guid Id, string Name, string Url, IReadOnlyList<NotificationKind> Kinds, string Secret,
    string SignatureHeader);

public static class ListWebhooks
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", Handle).WithName(nameof(ListWebhooks))
            .WithSummary("List webhook subscriptions")
            .WithDescription("Every subscription, active or removed; secrets are never shown again after registration.");

    public static async Task<Ok<List<WebhookResponse>>> Handle(ResearchSecurityDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt)
            .Select(s => new WebhookResponse(s.Id, s.Name, s.Url, s.Kinds, s.IsActive, s.CreatedBy, s.CreatedAt)).ToListAsync(ct));
}

public static class RegisterWebhook
{
    public sealed record RegisterWebhookRequest(string? Name, string? Url, IReadOnlyList<NotificationKind>? Kinds);

    public sealed class Validator : AbstractValidator<RegisterWebhookRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Required.").MaximumLength(200);
            RuleFor(x => x.Url).NotEmpty().WithMessage("Required.").MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0)
                .WithMessage("Must be an absolute http(s) URL without credentials.");
            RuleForEach(x => x.Kinds).IsInEnum();
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(RegisterWebhook))
            .WithSummary("Register a webhook subscription")
            .WithDescription("Registers a receiver for the given notification kinds (none = all). The answer holds the signing secret, once. Each delivery is a JSON POST signed in `X-RS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">`; receivers should also refuse timestamps older than a few minutes.")
            .Validate<RegisterWebhookRequest>();

    public static async Task<Created<RegisteredWebhookResponse>> Handle(RegisterWebhookRequest request, ResearchSecurityDbContext db, CurrentUser user,
        CancellationToken ct)
    {
        var subscription = WebhookSubscription.Register(request.Name!, new Uri(request.Url!), request.Kinds ?? [], user.Id, db.Clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        // The secret never goes into the trail.
        db.Audit(AuditEventType.WebhookSubscriptionCreated, nameof(WebhookSubscription), subscription.Id, null,
            AuditChanges.Of(null, new { subscription.Name, subscription.Url, subscription.Kinds }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", new RegisteredWebhookResponse(subscription.Id, subscription.Name,
            subscription.Url, subscription.Kinds, subscription.Secret, WebhookSignature.Header));
    }
}

public static class RemoveWebhook
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(RemoveWebhook))
            .WithSummary("Remove a webhook subscription")
            .WithDescription("Stops deliveries to the subscription (pending ones are dropped). The row stays for the record.")
            .ProducesConflict();

    public static async Task<Results<NoContent, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return TypedResults.NotFound();
        subscription.Remove(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.WebhookSubscriptionRemoved, nameof(WebhookSubscription), subscription.Id, null,
            AuditChanges.Of(new { subscription.Name, IsActive = true }, new { subscription.Name, IsActive = false }));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
