using System.Text;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Jobs;

namespace ResearchSecurity.Core.Notifications;

/// <summary>
/// POSTs one delivery's body to its subscription, signed (<see cref="WebhookSignature"/>) with a fresh timestamp on each
/// attempt. A non-2xx answer or a network error is counted and rethrown for Hangfire's retry with backoff.
/// </summary>
public sealed class DeliverWebhookJob(ResearchSecurityDbContext db, IHttpClientFactory http, IOptions<NotificationOptions> options,
    IOptions<JobsOptions> jobs, ILogger<DeliverWebhookJob> log)
{
    public const string HttpClientName = "webhooks";

    public async Task RunAsync(Guid deliveryId, PerformContext? context, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var delivery = await db.WebhookDeliveries.FromSql($"SELECT * FROM webhook_deliveries WHERE id = {deliveryId} FOR UPDATE SKIP LOCKED").SingleOrDefaultAsync(ct);
        if (delivery is null || delivery.State != WebhookDeliveryState.Pending) return;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (!subscription.IsActive)
        {
            delivery.MarkFailed();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return;
        }
        int? status = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, delivery.Body, db.Clock.GetUtcNow()));
            request.Headers.Add("X-RS-Delivery", delivery.Id.ToString());
            using var client = http.CreateClient(HttpClientName);
            client.Timeout = options.Value.WebhookTimeout;
            using var response = await client.SendAsync(request, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The receiver answered {status}.");
            delivery.Attempt(status, null);
            delivery.MarkDelivered(db.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            log.LogWarning("Webhook delivery {DeliveryId} to subscription {SubscriptionId} failed: {Error}", delivery.Id, subscription.Id, ex.Message);
            delivery.Attempt(status, ex.Message);
            if (JobAttempts.IsLast(context, jobs.Value)) delivery.MarkFailed();
            await db.SaveChangesAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            throw;
        }
    }
}
