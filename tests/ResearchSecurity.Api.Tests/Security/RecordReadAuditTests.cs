using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class RecordReadAuditTests(ApiFactory api)
{
    [Fact]
    public async Task AReviewerReadingAProposalAndAPerson_IsAuditedWithTheReader_WhileTheOwnersOwnReadsAreNot()
    {
        var ownerId = ApiFactory.NewUser();
        var owner = api.Investigator(ownerId);
        var proposal = await owner.CreateProposalAsync();
        var personId = proposal.GetProperty("members")[0].GetProperty("personId").GetGuid();
        await (await owner.PostAsync($"/api/v1/proposals/{proposal.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await (await owner.GetAsync($"/api/v1/proposals/{proposal.Id()}")).ShouldBe(HttpStatusCode.OK);
        await (await owner.GetAsync($"/api/v1/people/{personId}")).ShouldBe(HttpStatusCode.OK);

        var reviewerId = ApiFactory.NewUser("rev");
        var reviewer = api.ClientFor(reviewerId, Roles.IntegrityReviewer);
        await (await reviewer.GetAsync($"/api/v1/proposals/{proposal.Id()}")).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.GetAsync($"/api/v1/people/{personId}")).ShouldBe(HttpStatusCode.OK);

        await api.AuditObservationsWrittenAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var reads = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.SubjectId == proposal.Id() || e.SubjectId == personId)
                && (e.EventType == AuditEventType.ProposalViewed || e.EventType == AuditEventType.PersonViewed))
            .Select(e => new { e.EventType, e.ActorId }).ToListAsync();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(reviewerId, r.ActorId));
        Assert.Contains(reads, r => r.EventType == AuditEventType.ProposalViewed);
        Assert.Contains(reads, r => r.EventType == AuditEventType.PersonViewed);
    }
}
