using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Notifications;

namespace ResearchSecurity.Api.Tests.Response;

/// <summary>The API host on its own database with e-mail going to a real SMTP server on a free port.</summary>
public sealed class NotificationsFactory : ApiFactory
{
    public SmtpSink Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:WebBaseUrl", "http://web.test/");
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A sign-in user with an e-mail address and one role; the development header then signs requests in as them.</summary>
    public async Task<(string Id, string Email, HttpClient Client)> UserAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        var name = $"u{Guid.NewGuid():N}"[..16];
        var user = new ApplicationUser { UserName = name, Email = $"{name}@uni.example" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (user.Id, user.Email, ClientFor(user.Id, role));
    }

    /// <summary>What the worker does with the outbox: dispatch every event, send every pending e-mail, deliver every pending webhook.</summary>
    public async Task DeliverOutboxAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            foreach (var id in await db.NotificationEvents.Where(e => e.DispatchedAt == null).Select(e => e.Id).ToListAsync())
            {
                await using var job = Services.CreateAsyncScope();
                await job.ServiceProvider.GetRequiredService<DispatchNotificationJob>().RunAsync(id, CancellationToken.None);
            }
        }
        await SendPendingAsync();
    }

    public async Task SendPendingAsync()
    {
        List<Guid> mails, hooks;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            mails = await db.EmailMessages.Where(m => m.State == EmailState.Pending).Select(m => m.Id).ToListAsync();
            hooks = await db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending).Select(d => d.Id).ToListAsync();
        }
        foreach (var id in mails)
        {
            await using var job = Services.CreateAsyncScope();
            await job.ServiceProvider.GetRequiredService<SendEmailJob>().RunAsync(id, null, CancellationToken.None);
        }
        foreach (var id in hooks)
        {
            await using var job = Services.CreateAsyncScope();
            try { await job.ServiceProvider.GetRequiredService<DeliverWebhookJob>().RunAsync(id, null, CancellationToken.None); }
            catch (HttpRequestException) { } // counted on the delivery; Hangfire would retry it
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "notifications";
}
