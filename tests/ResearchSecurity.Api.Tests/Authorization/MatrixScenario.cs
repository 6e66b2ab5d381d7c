using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Authorization;

/// <summary>Who calls in a matrix cell.</summary>
public enum Caller
{
    Anonymous,
    /// <summary>The investigator who owns the scenario's records.</summary>
    Owner,
    /// <summary>An investigator named as a member on the owner's proposals (their person record has their user id).</summary>
    Member,
    /// <summary>A second investigator with no link to the owner's records.</summary>
    OtherPi,
    Reviewer,
    GrantOfficer,
    Administrator,
    Auditor,
}

/// <summary>
/// Fresh records for one matrix cell, created on first use only (so a cell pays only for what its row needs), all owned
/// by <see cref="OwnerId"/>. Both proposals name the member's person record. To support a new endpoint, add a lazily
/// created property here (e.g. a review on <see cref="SubmittedProposalAsync"/>).
/// </summary>
public sealed class MatrixScenario(ApiFactory api)
{
    private readonly Dictionary<string, Task> _created = [];

    public string OwnerId { get; } = ApiFactory.NewUser("own");
    public string MemberId { get; } = ApiFactory.NewUser("mem");
    public HttpClient Owner => api.Investigator(OwnerId);

    public HttpClient ClientFor(Caller caller) => caller switch
    {
        Caller.Anonymous => api.ClientFor(null),
        Caller.Owner => Owner,
        Caller.Member => api.Investigator(MemberId),
        Caller.OtherPi => api.Investigator(ApiFactory.NewUser("pi2")),
        Caller.Reviewer => api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer),
        Caller.GrantOfficer => api.ClientFor(ApiFactory.NewUser("go"), Roles.GrantOfficer),
        Caller.Administrator => api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator),
        Caller.Auditor => api.ClientFor(ApiFactory.NewUser("aud"), Roles.Auditor),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The member's own person record, registered by the owner.</summary>
    public Task<JsonElement> MemberPersonAsync() => Once(nameof(MemberPersonAsync), () => Owner.CreatePersonAsync("Li Wei", MemberId));

    /// <summary>A person named nowhere, so it can be deleted.</summary>
    public Task<JsonElement> LonePersonAsync() => Once(nameof(LonePersonAsync), () => Owner.CreatePersonAsync("Zhang San"));

    /// <summary>A Draft proposal (with one inline funding source) naming the member.</summary>
    public Task<JsonElement> DraftProposalAsync() => Once(nameof(DraftProposalAsync), async () =>
    {
        var member = await MemberPersonAsync();
        var response = await Owner.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal(member.Id(), "Draft in the matrix"));
        return await response.ShouldBe(HttpStatusCode.Created);
    });

    /// <summary>A Submitted proposal (with one inline funding source) naming the member: reviewers see it.</summary>
    public Task<JsonElement> SubmittedProposalAsync() => Once(nameof(SubmittedProposalAsync), async () =>
    {
        var member = await MemberPersonAsync();
        var created = await (await Owner.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal(member.Id(), "Submitted in the matrix"))).ShouldBe(HttpStatusCode.Created);
        return await (await Owner.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
    });

    public async Task<JsonElement> DraftFundingAsync() => (await DraftProposalAsync()).GetProperty("fundingSources")[0];

    public async Task<JsonElement> SubmittedFundingAsync() => (await SubmittedProposalAsync()).GetProperty("fundingSources")[0];

    /// <summary>A submitted, screened proposal of the owner (naming the member) with one critical hit, in review.</summary>
    public Task<ScreenedProposal> ScreenedProposalAsync() => Once(nameof(ScreenedProposalAsync), async () =>
    {
        var review = await new ReviewScenario(api, OwnerId, MemberId).SubmittedAndScreenedAsync(hitScore: 0.95, severity: 4);
        var hitId = (await review.ReviewAsync()).GetProperty("hits")[0].Id();
        return new ScreenedProposal(review, hitId);
    });

    /// <summary>Another screened proposal on which the scenario's reviewer recorded a decision that waits for a second reviewer.</summary>
    public Task<(Guid ProposalId, Guid DecisionId)> PendingDecisionAsync() => Once(nameof(PendingDecisionAsync), async () =>
    {
        var review = await new ReviewScenario(api, OwnerId, MemberId).SubmittedAndScreenedAsync(hitScore: 0.95, severity: 4);
        var decided = await (await review.DecideAsync(review.Reviewer, "Rejected")).ShouldBe(HttpStatusCode.OK);
        return (review.ProposalId, decided.GetProperty("decisions")[0].Id());
    });

    /// <summary>Another screened proposal on which the scenario's reviewer asked the owner a question.</summary>
    public Task<(Guid ProposalId, Guid RequestId)> OpenQuestionAsync() => Once(nameof(OpenQuestionAsync), async () =>
    {
        var review = await new ReviewScenario(api, OwnerId, MemberId).SubmittedAndScreenedAsync();
        var asked = await (await review.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{review.ProposalId}/information-requests",
            new { question = "Who pays the visiting researcher?" })).ShouldBe(HttpStatusCode.OK);
        return (review.ProposalId, asked.GetProperty("informationRequests")[0].Id());
    });

    /// <summary>The screened proposal assessed by the red-flag rules (its Beihang partner has no website: one open flag).</summary>
    public Task<(Guid ProposalId, Guid FlagId)> FlaggedProposalAsync() => Once(nameof(FlaggedProposalAsync), async () =>
    {
        var proposalId = (await ScreenedProposalAsync()).Id;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.ResearchSecurityDbContext>();
        await Core.Risk.RiskAssessor.AssessAsync(db, [proposalId], new Core.Reviews.RiskOptions(), CancellationToken.None);
        await db.SaveChangesAsync();
        var flagId = db.RiskFlags.Where(f => f.ProposalId == proposalId && f.Status == Core.Risk.FlagStatus.Open).Select(f => f.Id).First();
        return (proposalId, flagId);
    });

    /// <summary>A risk policy document an administrator could upload: the shipped default, made unique by its description.</summary>
    public static byte[] PolicyDocument()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Core.Risk.RiskPolicies.ShippedBytes(Core.Risk.RiskPolicies.InstitutionDefault))!;
        json["description"] = $"Matrix copy {Guid.NewGuid():N}";
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>An uploaded (not yet active) risk policy version: the default's rules under another description.</summary>
    public Task<int> UploadedPolicyAsync() => Once(nameof(UploadedPolicyAsync), async () =>
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var created = await (await admin.PostAsync("/api/v1/risk-policies", new ByteArrayContent(PolicyDocument())
            { Headers = { ContentType = new("application/json") } })).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("number").GetInt32();
    });

    /// <summary>A user account (SSO-only, no password) for the user-administration rows.</summary>
    public Task<string> AccountIdAsync() => Once(nameof(AccountIdAsync), async () =>
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"acct{Guid.NewGuid():N}"[..16] };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return user.Id;
    });

    /// <summary>A suspicious-approach report filed by the owner (New).</summary>
    public Task<JsonElement> ApproachReportAsync() => Once(nameof(ApproachReportAsync), async () =>
        await (await Owner.PostAsJsonAsync("/api/v1/approach-reports", ApproachReport())).ShouldBe(HttpStatusCode.Created));

    /// <summary>The owner's report, taken under review by a reviewer.</summary>
    public Task<JsonElement> ApproachReportUnderReviewAsync() => Once(nameof(ApproachReportUnderReviewAsync), async () =>
    {
        var report = await ApproachReportAsync();
        var reviewer = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);
        return await (await reviewer.PostAsync($"/api/v1/approach-reports/{report.Id()}/review", null)).ShouldBe(HttpStatusCode.OK);
    });

    public static object ApproachReport() => new
    {
        approacherName = "Chen Hao", approacherOrganisation = "Matrix Photonics Ltd", channel = "Email", asks = new[] { "data" },
        approachedOn = "2026-11-02", description = "Asked for the raw measurements of our unpublished experiment.",
    };

    /// <summary>A webhook subscription registered by an administrator.</summary>
    public Task<JsonElement> WebhookAsync() => Once(nameof(WebhookAsync), async () =>
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        return await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "Matrix receiver", url = "https://tickets.example.org/hooks/rs" }))
            .ShouldBe(HttpStatusCode.Created);
    });

    /// <summary>A registered watchlist with one uploaded (not yet active) version.</summary>
    public Task<string> WatchlistAsync() => Once(nameof(WatchlistAsync), async () =>
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var id = $"m-{Guid.NewGuid():N}"[..14];
        await (await admin.PostAsJsonAsync("/api/v1/watchlists", new { id, displayName = "Matrix list", format = "FollowTheMoney", source = "Upload", severity = 2 }))
            .ShouldBe(HttpStatusCode.Created);
        await (await admin.SendAsync(Upload(id, "Matrix Institute of Technology"))).ShouldBe(HttpStatusCode.Created);
        return id;
    });

    /// <summary>The re-screen job queued by activating the scenario's watchlist version.</summary>
    public Task<Guid> RescreenJobAsync() => Once(nameof(RescreenJobAsync), async () =>
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var job = await (await admin.PostAsync($"/api/v1/watchlists/{await WatchlistAsync()}/versions/1/activate", null)).ShouldBe(HttpStatusCode.Accepted);
        return job.Id();
    });

    /// <summary>A multipart upload of a one-entity FollowTheMoney list.</summary>
    public static HttpRequestMessage Upload(string watchlistId, string entityName)
    {
        var line = $$"""{"id": "m-{{Guid.NewGuid():N}}", "schema": "Organization", "properties": {"name": ["{{entityName}}"], "country": ["cn"]}, "datasets": ["matrix"], "target": true}""";
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(line + "\n")), "file", "matrix.ftm.jsonl" } };
        return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/watchlists/{watchlistId}/versions") { Content = form };
    }

    private Task<T> Once<T>(string key, Func<Task<T>> create)
    {
        if (!_created.TryGetValue(key, out var task)) _created[key] = task = create();
        return (Task<T>)task;
    }
}

public sealed record ScreenedProposal(ReviewScenario Review, Guid HitId)
{
    public Guid Id => Review.ProposalId;
}
