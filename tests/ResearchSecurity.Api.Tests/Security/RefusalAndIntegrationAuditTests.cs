using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Auth;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class RefusalAndIntegrationAuditTests(ApiFactory api)
{
    [Fact]
    public async Task AnotherInvestigatorsRecord_404IsAuditedAsDeniedWithWhoWhatAndWhy()
    {
        var proposal = await api.Investigator(ApiFactory.NewUser()).CreateProposalAsync(withPerson: false);
        var intruderId = ApiFactory.NewUser();
        var intruder = api.Investigator(intruderId);
        await (await intruder.GetAsync($"/api/v1/proposals/{proposal.Id()}")).ShouldBe(HttpStatusCode.NotFound);

        var denied = await EventsAsync(AuditEventType.AccessDenied, intruderId);
        var e = Assert.Single(denied);
        Assert.Equal(proposal.Id(), e.SubjectId);
        Assert.Contains($"/api/v1/proposals/{proposal.Id()}", e.Changes);
        Assert.Contains("404", e.Changes);
        Assert.Contains("not visible", e.Reason);
    }

    [Fact]
    public async Task RoleEscalationAttempt_403IsAuditedWithTheRequirementThatFailed_AndTheAuditorFiltersDeniedEvents()
    {
        var investigatorId = ApiFactory.NewUser();
        var investigator = api.Investigator(investigatorId);
        await (await investigator.GetAsync("/api/v1/audit/events")).ShouldBe(HttpStatusCode.Forbidden);

        var e = Assert.Single(await EventsAsync(AuditEventType.AccessDenied, investigatorId));
        Assert.Contains("Auditor", e.Reason);
        Assert.Contains("403", e.Changes);

        var auditor = api.ClientFor(ApiFactory.NewUser("aud"), Roles.Auditor);
        var page = await (await auditor.GetAsync($"/api/v1/audit/events?eventType=AccessDenied&actorId={investigatorId}")).ShouldBe(HttpStatusCode.OK);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("AccessDenied", item.GetProperty("eventType").GetString());
    }

    [Fact]
    public async Task ClientCredentialsToken_AndTheIntegrationsFundingReads_AreAudited()
    {
        var oidc = new OidcTestClient(api);
        var since = DateTimeOffset.UtcNow;
        var tokens = await oidc.ClientCredentialsAsync("funding.read");
        var proposal = await api.Investigator(ApiFactory.NewUser()).CreateProposalAsync(withPerson: false);
        var funding = proposal.GetProperty("fundingSources")[0].Id();
        var integration = oidc.Bearer(tokens.GetProperty("access_token").GetString()!);
        await (await integration.GetAsync($"/api/v1/funding-sources/{funding}")).ShouldBe(HttpStatusCode.OK);
        await (await integration.GetAsync("/api/v1/funding-sources?pageSize=5")).ShouldBe(HttpStatusCode.OK);

        var issued = (await EventsAsync(AuditEventType.TokenIssued, actorId: null)).Where(e => e.OccurredAt >= since).ToList();
        Assert.Contains(issued, e => e.Changes!.Contains("rs-grants") && e.Changes.Contains("funding.read"));
        var reads = await EventsAsync(AuditEventType.FundingReadByIntegration, "rs-grants");
        Assert.Contains(reads, e => e.SubjectId == funding);
        Assert.Contains(reads, e => e.SubjectId is null && e.Changes!.Contains("totalCount", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<AuditEvent>> EventsAsync(AuditEventType type, string? actorId)
    {
        await api.AuditObservationsWrittenAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.EventType == type && (actorId == null || e.ActorId == actorId)).ToListAsync();
    }
}
