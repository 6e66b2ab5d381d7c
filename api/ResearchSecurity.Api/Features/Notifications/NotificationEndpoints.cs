namespace ResearchSecurity.Api.Features.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/notification-preferences").WithTags("Notifications").RequireAuthorization(Policies.NotificationsOwn);
        GetNotificationPreferences.Map(mine);
        SetNotificationPreferences.Map(mine);

        var webhooks = api.MapGroup("/webhooks").WithTags("Notifications").RequireAuthorization(Policies.WebhooksManage);
        ListWebhooks.Map(webhooks);
        RegisterWebhook.Map(webhooks);
        RemoveWebhook.Map(webhooks);
    }
}
