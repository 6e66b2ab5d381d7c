using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>
/// Puts a proposal in front of reviewers. The investigator side goes through the API; what the worker would do
/// (finish screening, store a hit) is done on the same real database, so these tests do not depend on the job runner.
/// </summary>
/// <param name="ownerId">The investigator who owns the proposal (default: a new one).</param>
/// <param name="memberUserId">The user id on the named person's record, making that user a member of the proposal.</param>
public sealed class ReviewScenario(ApiFactory api, string? ownerId = null, string? memberUserId = null)
{
    public string OwnerId { get; } = ownerId ?? ApiFactory.NewUser();
    public HttpClient Owner => api.Investigator(OwnerId);
    public HttpClient Reviewer { get; } = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);
    public HttpClient SecondReviewer { get; } = api.ClientFor(ApiFactory.NewUser("rev2"), Roles.IntegrityReviewer);
    public Guid ProposalId { get; private set; }

    public async Task<ReviewScenario> SubmittedAndScreenedAsync(double? hitScore = null, int severity = 4, string[]? technologyAreas = null)
    {
        var person = await Owner.CreatePersonAsync(userId: memberUserId);
        var body = new
        {
            title = "Navigation-grade quantum gyroscope",
            technologyAreas = technologyAreas ?? ["environment"],
            partners = new[] { new { name = "School of Computer Science, Beihang University, Beijing", country = "CN", role = "Partner" } },
            members = new[] { new { personId = person.Id(), role = "VisitingResearcher" } },
        };
        var created = await (await Owner.PostAsJsonAsync("/api/v1/proposals", body)).ShouldBe(HttpStatusCode.Created);
        ProposalId = created.Id();
        await (await Owner.PostAsync($"/api/v1/proposals/{ProposalId}/submit", null)).ShouldBe(HttpStatusCode.OK);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var proposal = await db.Proposals.SingleAsync(p => p.Id == ProposalId);
        var now = db.Clock.GetUtcNow();
        if (hitScore is { } score)
        {
            var listId = $"test-{severity}";
            if (await db.Watchlists.FindAsync(listId) is null)
            {
                var list = Watchlist.Register(listId, $"Test list (severity {severity})", WatchlistFormat.FollowTheMoney, WatchlistSource.Upload, null, null, severity, "test", now);
                var version = ListVersion.Create(listId, 1, "test.jsonl", "hash", 1, 0, null, "test", now);
                db.Watchlists.Add(list);
                db.ListVersions.Add(version);
                list.Activate(version, null, "test", now);
                await db.SaveChangesAsync();
            }
            var versionId = await db.ListVersions.Where(v => v.WatchlistId == listId).Select(v => v.Id).SingleAsync();
            var partner = proposal.Partners[0];
            db.ScreeningHits.Add(ScreeningHit.Raise(Guid.NewGuid(), "PartnerOrganisation", partner.Id, proposal.Id, null, "name", partner.Name,
                listId, versionId, "NK-beihang", "Beihang University", "Beihang University", "Beihang University", score, HitStatus.Active,
                """{"features":[{"name":"distinctive","contribution":0.8}]}""", "content-hash-1", now));
            await db.SaveChangesAsync();
            await ProposalRisk.RecalculateAsync(db, proposal, new RiskOptions(), CancellationToken.None);
        }
        proposal.BeginScreening(now);
        proposal.CompleteScreening(now);
        await db.SaveChangesAsync();
        return this;
    }

    public async Task<JsonElement> ReviewAsync(HttpClient? client = null) =>
        await (await (client ?? Reviewer).GetAsync($"/api/v1/reviews/{ProposalId}")).ShouldBe(HttpStatusCode.OK);

    public Task<HttpResponseMessage> DecideAsync(HttpClient client, string outcome, object[]? conditions = null) =>
        client.PostAsJsonAsync($"/api/v1/reviews/{ProposalId}/decisions", new { outcome, rationale = "Reviewed the partner and the funding.", conditions });
}
