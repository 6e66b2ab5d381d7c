using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Api.Tests.Risk;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Notifications;
using static ResearchSecurity.Api.Tests.Risk.RiskApi;

namespace ResearchSecurity.Api.Tests.Response;

/// <summary>
/// Notifications end to end: events written with the change, dispatched to the users who may see them, e-mailed through
/// a real SMTP server, held for the digest or dropped as each user chose, and delivered as signed webhooks.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationTests(NotificationsFactory api)
{
    private static string Body(MimeKit.MimeMessage m) => m.TextBody ?? string.Empty;

    private async Task<Guid> SubmittedWithHitsAsync(HttpClient pi, string title)
    {
        var person = await pi.CreatePersonAsync(Person("Li Na", "li.na@example.cn", [Affiliation("Tianjin University", "CN", "2018-09-01")]));
        return await api.SubmitAndScreenAsync(pi, Proposal(title,
            [new { name = "School of Computer Science, Beihang University", country = "CN", role = "Partner" }], [person]));
    }

    private async Task EnsureAspiListAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        if (!await db.Watchlists.AnyAsync(w => w.Id.StartsWith("aspi")))
            await api.ActiveListAsync(AspiTracker(), prefix: "aspi", format: "MispGalaxy");
    }

    [Fact]
    public async Task SubmittedProposalWithHits_EmailsEveryReviewer_WithTitleCountAndLink_AndNoNamesOfPeopleOrHitText()
    {
        await EnsureAspiListAsync();
        var (_, reviewerMail, _) = await api.UserAsync(Roles.IntegrityReviewer);
        var (_, otherReviewerMail, _) = await api.UserAsync(Roles.IntegrityReviewer);
        var (piId, piMail, pi) = await api.UserAsync(Roles.Investigator);
        var title = $"Hypersonic inlet study {Guid.NewGuid():N}"[..30];
        var proposal = await SubmittedWithHitsAsync(pi, title);

        await api.DeliverOutboxAsync();

        foreach (var address in new[] { reviewerMail, otherReviewerMail })
        {
            var mail = Assert.Single(api.Smtp.To(address), m => (m.Subject ?? "").Contains(title));
            Assert.Contains("screening hit", mail.Subject);
            Assert.Contains($"http://web.test/Review/Proposal/{proposal}", Body(mail));
            Assert.DoesNotContain("Li Na", Body(mail));
            Assert.DoesNotContain("Beihang", Body(mail) + mail.Subject);
            // Flags raised as it enters the queue are part of that news, not a second message.
            Assert.DoesNotContain(api.Smtp.To(address), m => (m.Subject ?? "").Contains("red flag") && (m.Subject ?? "").Contains(title));
        }
        Assert.DoesNotContain(api.Smtp.To(piMail), m => (m.Subject ?? "").Contains(title)); // investigators are not told of hits
        _ = piId;
    }

    [Fact]
    public async Task InformationRequest_EmailsTheInvestigator_AndTheAnswer_EmailsTheReviewerWhoAsked()
    {
        await EnsureAspiListAsync();
        var (_, reviewerMail, reviewer) = await api.UserAsync(Roles.IntegrityReviewer);
        var (_, piMail, pi) = await api.UserAsync(Roles.Investigator);
        var title = $"Ocean acoustics {Guid.NewGuid():N}"[..26];
        var proposal = await SubmittedWithHitsAsync(pi, title);
        await (await reviewer.PostAsync($"/api/v1/reviews/{proposal}/claim", null)).ShouldBe(HttpStatusCode.OK);
        var review = await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{proposal}/information-requests", new { question = "Who pays the partner's staff?" }))
            .ShouldBe(HttpStatusCode.OK);
        await api.DeliverOutboxAsync();

        var asked = Assert.Single(api.Smtp.To(piMail), m => (m.Subject ?? "").Contains(title));
        Assert.Contains("question", asked.Subject);
        Assert.Contains($"http://web.test/Proposals/Details/{proposal}", Body(asked));
        Assert.DoesNotContain("Who pays", Body(asked)); // the question itself is read signed in

        var requestId = review.GetProperty("informationRequests")[0].Id();
        await (await pi.PostAsJsonAsync($"/api/v1/proposals/{proposal}/information-requests/{requestId}/answer", new { answer = "The university." }))
            .ShouldBe(HttpStatusCode.OK);
        await api.DeliverOutboxAsync();
        Assert.Single(api.Smtp.To(reviewerMail), m => (m.Subject ?? "").StartsWith("[Research Security] Answer received") && (m.Subject ?? "").Contains(title));
    }

    [Fact]
    public async Task Preferences_DefaultImmediate_DigestHoldsMessagesForOneDailyEmail_OffSendsNothing_AndChangesAreAudited()
    {
        var (digestId, digestMail, digestReviewer) = await api.UserAsync(Roles.IntegrityReviewer);
        var (_, offMail, offReviewer) = await api.UserAsync(Roles.IntegrityReviewer);
        var defaults = await (await digestReviewer.GetAsync("/api/v1/me/notification-preferences")).ShouldBe(HttpStatusCode.OK);
        Assert.All(defaults.GetProperty("preferences").EnumerateArray(), p => Assert.Equal("Immediate", p.GetProperty("mode").GetString()));

        await (await digestReviewer.PutAsJsonAsync("/api/v1/me/notification-preferences",
            new { preferences = new[] { new { kind = "ApproachReported", mode = "Digest" } } })).ShouldBe(HttpStatusCode.OK);
        await (await offReviewer.PutAsJsonAsync("/api/v1/me/notification-preferences",
            new { preferences = new[] { new { kind = "ApproachReported", mode = "Off" } } })).ShouldBe(HttpStatusCode.OK);
        var bad = await offReviewer.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = new[] { new { kind = "ApproachReported", mode = "Hourly" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var reporter = api.Investigator(ApiFactory.NewUser());
        for (var i = 0; i < 2; i++)
            await (await reporter.PostAsJsonAsync("/api/v1/approach-reports", new
            {
                approacherOrganisation = $"Pacific Bridge Consulting {i}", channel = "Email", asks = new[] { "data" }, approachedOn = "2026-11-30",
                description = "Asked for the unpublished data set.",
            })).ShouldBe(HttpStatusCode.Created);
        await api.DeliverOutboxAsync();
        Assert.Empty(api.Smtp.To(digestMail));
        Assert.Empty(api.Smtp.To(offMail));

        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendDigestsJob>().RunAsync(CancellationToken.None);
        await api.SendPendingAsync();
        var digest = Assert.Single(api.Smtp.To(digestMail));
        Assert.Contains("Daily summary", digest.Subject);
        Assert.Equal(2, Body(digest).Split("A suspicious approach was reported").Length - 1);
        Assert.DoesNotContain("Pacific Bridge", Body(digest)); // nor who reported it
        Assert.Empty(api.Smtp.To(offMail));

        // A second run finds nothing waiting.
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendDigestsJob>().RunAsync(CancellationToken.None);
        await api.SendPendingAsync();
        Assert.Single(api.Smtp.To(digestMail));

        await using var check = api.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == AuditEventType.NotificationPreferencesChanged && e.ActorId == digestId));
    }

    [Fact]
    public async Task DispatchingTheSameEventTwice_WritesAndSendsEachMessageOnce()
    {
        var (_, mail, _) = await api.UserAsync(Roles.IntegrityReviewer);
        await (await api.Investigator(ApiFactory.NewUser()).PostAsJsonAsync("/api/v1/approach-reports", new
        {
            approacherName = "Sun Qiang", channel = "Visit", approachedOn = "2026-11-29", description = "Asked to photograph the clean room.",
        })).ShouldBe(HttpStatusCode.Created);
        Guid eventId;
        await using (var scope = api.Services.CreateAsyncScope())
            eventId = await scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>().NotificationEvents
                .Where(e => e.DispatchedAt == null).OrderByDescending(e => e.CreatedAt).Select(e => e.Id).FirstAsync();
        for (var i = 0; i < 2; i++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DispatchNotificationJob>().RunAsync(eventId, CancellationToken.None);
        }
        await api.SendPendingAsync();
        await api.SendPendingAsync();
        Assert.Single(api.Smtp.To(mail));
    }

    [Fact]
    public async Task Webhook_DeliveryIsSignedOverTimestampAndBody_AReceiverRefusesATamperedBodyAWrongSecretOrAStaleTimestamp_AndA500IsRecorded()
    {
        using var receiver = new WebhookReceiver();
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var registered = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Case tracker", url = receiver.Url, kinds = new[] { "ApproachReported" } }))
            .ShouldBe(HttpStatusCode.Created);
        var secret = registered.GetProperty("secret").GetString()!;
        var listed = await (await admin.GetAsync("/api/v1/webhooks")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(secret, listed.GetRawText()); // shown once, at registration
        var badUrl = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", url = "file:///etc/passwd" });
        Assert.True((await badUrl.ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("url", out _));

        receiver.AnswerNext(500);
        var report = await (await api.Investigator(ApiFactory.NewUser()).PostAsJsonAsync("/api/v1/approach-reports", new
        {
            approacherOrganisation = "Blue Harbour Trading", channel = "Email", approachedOn = "2026-11-28", description = "Asked for samples.",
        })).ShouldBe(HttpStatusCode.Created);
        await api.DeliverOutboxAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // Run outside Hangfire, the one attempt is the last: the receiver's 500 is recorded and the delivery left Failed.
            // Under the worker, Hangfire's retry filter runs it again with backoff (Jobs:RetryDelaysSeconds) first.
            var delivery = await scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>().WebhookDeliveries.AsNoTracking()
                .SingleAsync(d => d.SubscriptionId == registered.Id());
            Assert.Equal((WebhookDeliveryState.Failed, 1, 500), (delivery.State, delivery.Attempts, delivery.LastStatusCode));
        }
        var second = await (await api.Investigator(ApiFactory.NewUser()).PostAsJsonAsync("/api/v1/approach-reports", new
        {
            approacherOrganisation = "Blue Harbour Trading", channel = "Email", approachedOn = "2026-11-28", description = "Asked again, for samples.",
        })).ShouldBe(HttpStatusCode.Created);
        await api.DeliverOutboxAsync();
        report = second;

        Assert.Equal(2, receiver.Requests.Count);
        var (signature, body) = receiver.Requests.Last();
        var now = DateTimeOffset.UtcNow;
        Assert.True(WebhookSignature.Verify(secret, signature, body, now, TimeSpan.FromMinutes(5)));
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal("ApproachReported", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal(report.Id(), json.RootElement.GetProperty("subjectId").GetGuid());
        }
        Assert.DoesNotContain("Blue Harbour", body);
        Assert.False(WebhookSignature.Verify(secret, signature, body.Replace("ApproachReported", "DecisionMade"), now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Convert.ToBase64String(new byte[32]), signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, signature, body, now.AddMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, "v1=deadbeef", body, now, TimeSpan.FromMinutes(5)));

        await (await admin.DeleteAsync($"/api/v1/webhooks/{registered.Id()}")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/webhooks/{registered.Id()}")).StatusCode);
    }
}
