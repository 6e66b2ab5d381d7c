using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ReviewWorkflowTests(ApiFactory api)
{
    private static readonly object[] Conditions =
    [
        new { description = "No access to export-controlled technology", owner = "Export control office", dueDate = "2027-03-01" },
        new { description = "Technology control plan signed", owner = "PI", dueDate = "2027-02-01" },
    ];

    [Theory]
    [InlineData("Approved")]
    [InlineData("ApprovedWithConditions")]
    [InlineData("Rejected")]
    public async Task Decide_LowRiskProposalInReview_TakesEffectAndIsAudited(string outcome)
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await s.Reviewer.PostAsync($"/api/v1/reviews/{s.ProposalId}/claim", null)).ShouldBe(HttpStatusCode.OK);

        var response = await s.DecideAsync(s.Reviewer, outcome, outcome == "ApprovedWithConditions" ? Conditions : null);

        var review = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(outcome, review.GetProperty("status").GetString());
        var decision = review.GetProperty("decisions")[0];
        Assert.Equal("Effective", decision.GetProperty("state").GetString());
        Assert.Equal(outcome == "ApprovedWithConditions" ? 2 : 0, decision.GetProperty("conditions").GetArrayLength());
        var types = await AuditTypesAsync(s.ProposalId);
        Assert.Contains(AuditEventType.ProposalSubmitted, types);
        Assert.Contains(AuditEventType.ReviewClaimed, types);
        Assert.Contains(AuditEventType.DecisionRecorded, types);
    }

    [Fact]
    public async Task RequestInformation_ThenInvestigatorAnswers_ReturnsToReviewAndCanBeDecided()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        var asked = await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/information-requests",
            new { question = "Will the visiting researcher access the cleanroom?" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("InfoRequested", asked.GetProperty("status").GetString());
        await s.DecideAsync(s.Reviewer, "Approved").ContinueWith(t => t.Result.ShouldBe(HttpStatusCode.Conflict)).Unwrap();

        var questions = await (await s.Owner.GetAsync($"/api/v1/proposals/{s.ProposalId}/information-requests")).ShouldBe(HttpStatusCode.OK);
        var requestId = questions[0].Id();
        await (await s.Owner.PostAsJsonAsync($"/api/v1/proposals/{s.ProposalId}/information-requests/{requestId}/answer",
            new { answer = "No; the work is purely computational." })).ShouldBe(HttpStatusCode.OK);
        await (await s.Owner.PostAsJsonAsync($"/api/v1/proposals/{s.ProposalId}/information-requests/{requestId}/answer",
            new { answer = "Again" })).ShouldBe(HttpStatusCode.Conflict);

        var review = await s.ReviewAsync();
        Assert.Equal("InReview", review.GetProperty("status").GetString());
        Assert.Equal("No; the work is purely computational.", review.GetProperty("informationRequests")[0].GetProperty("answer").GetString());
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Escalate_ThenDecide_Works_AndEscalatingTwiceIs409()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        var escalated = await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/escalate", new { reason = "Defence laboratory involved" }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Escalated", escalated.GetProperty("status").GetString());
        await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/escalate", new { reason = "again" })).ShouldBe(HttpStatusCode.Conflict);
        await (await s.DecideAsync(s.Reviewer, "Rejected")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Decide_DraftProposal_Returns409()
    {
        var owner = api.Investigator(ApiFactory.NewUser());
        var draft = await owner.CreateProposalAsync();
        // A reviewer cannot even see a draft, so it is 404 — and a submitted-but-not-screened proposal is 409.
        var reviewer = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);
        await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{draft.Id()}/decisions", new { outcome = "Approved", rationale = "x" }))
            .ShouldBe(HttpStatusCode.NotFound);
        await (await owner.PostAsync($"/api/v1/proposals/{draft.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{draft.Id()}/decisions", new { outcome = "Approved", rationale = "x" }))
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Decide_AlreadyDecided_Returns409()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await s.DecideAsync(s.Reviewer, "Rejected")).ShouldBe(HttpStatusCode.OK);
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.Conflict);
        await (await s.Reviewer.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/escalate", new { reason = "late" })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"rationale":"x"}""", "outcome")]
    [InlineData("""{"outcome":"Withdrawn","rationale":"x"}""", "outcome")]
    [InlineData("""{"outcome":"Approved"}""", "rationale")]
    [InlineData("""{"outcome":"ApprovedWithConditions","rationale":"x"}""", "conditions")]
    [InlineData("""{"outcome":"ApprovedWithConditions","rationale":"x","conditions":[{"description":"TCP"}]}""", "conditions[0].owner")]
    [InlineData("""{"outcome":"Approved","rationale":"x","conditions":[{"description":"TCP","owner":"PI","dueDate":"2027-01-01"}]}""", "conditions")]
    public async Task Decide_InvalidBody_Returns400NamingTheField(string json, string field)
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        var response = await s.Reviewer.PostAsync($"/api/v1/reviews/{s.ProposalId}/decisions",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationError(field);
    }

    [Fact]
    public async Task Disposition_FalsePositiveWithoutReason_Returns400AndWithReasonLowersRisk()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.7, severity: 2);
        var review = await s.ReviewAsync();
        Assert.Equal("Medium", review.GetProperty("riskLevel").GetString());
        var hitId = review.GetProperty("hits")[0].Id();
        var url = $"/api/v1/reviews/{s.ProposalId}/hits/{hitId}/disposition";

        await (await s.Reviewer.PostAsJsonAsync(url, new { disposition = "FalsePositive" })).ShouldBeValidationError("reason");
        await (await s.Reviewer.PostAsJsonAsync(url, new { disposition = "FalsePositive", reason = "Because" })).ShouldBeValidationError("reason");
        await (await s.Reviewer.PostAsJsonAsync(url, new { disposition = "FalsePositive", reason = "Different organisation with a similar name" }))
            .ShouldBeValidationError("note");

        var cleared = await (await s.Reviewer.PostAsJsonAsync(url, new
        {
            disposition = "FalsePositive", reason = "Different organisation with a similar name", note = "Partner is Beihang's Hangzhou spin-off, not listed.",
        })).ShouldBe(HttpStatusCode.OK);
        var hit = cleared.GetProperty("hits")[0];
        Assert.Equal("FalsePositive", hit.GetProperty("disposition").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("disposedBy").GetString()));
        Assert.Equal("None", cleared.GetProperty("riskLevel").GetString());
        Assert.Contains(AuditEventType.HitDispositioned, await AuditTypesAsync(s.ProposalId));
    }

    [Fact]
    public async Task Decide_HighRisk_WaitsForSecondReviewer_WhoMustBeSomeoneElse()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.95, severity: 4);
        var review = await s.ReviewAsync();
        Assert.Equal("Critical", review.GetProperty("riskLevel").GetString());

        var pending = await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("InReview", pending.GetProperty("status").GetString());
        var decision = pending.GetProperty("decisions")[0];
        Assert.Equal("PendingConfirmation", decision.GetProperty("state").GetString());
        var confirmUrl = $"/api/v1/reviews/{s.ProposalId}/decisions/{decision.Id()}/confirm";

        await (await s.Reviewer.PostAsync(confirmUrl, null)).ShouldBe(HttpStatusCode.Conflict);
        await (await s.DecideAsync(s.SecondReviewer, "Rejected")).ShouldBe(HttpStatusCode.Conflict); // one pending decision at a time

        var confirmed = await (await s.SecondReviewer.PostAsync(confirmUrl, null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Approved", confirmed.GetProperty("status").GetString());
        Assert.Equal("Effective", confirmed.GetProperty("decisions")[0].GetProperty("state").GetString());
        await (await s.SecondReviewer.PostAsync(confirmUrl, null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Review_ByTheProposalsOwnerOrAMember_Returns403()
    {
        var ownerAndReviewer = ApiFactory.NewUser("dual");
        var dual = api.ClientFor(ownerAndReviewer, Roles.Investigator, Roles.IntegrityReviewer);
        var memberUser = ApiFactory.NewUser("mem");
        var member = await dual.CreatePersonAsync("Reviewer Named On It", userId: memberUser);
        var created = await (await dual.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal(member.Id()))).ShouldBe(HttpStatusCode.Created);
        await (await dual.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);

        await (await dual.PostAsync($"/api/v1/reviews/{created.Id()}/claim", null)).ShouldBe(HttpStatusCode.Forbidden);
        var memberReviewer = api.ClientFor(memberUser, Roles.IntegrityReviewer);
        await (await memberReviewer.PostAsync($"/api/v1/reviews/{created.Id()}/claim", null)).ShouldBe(HttpStatusCode.Forbidden);
        var otherReviewer = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);
        await (await otherReviewer.PostAsJsonAsync($"/api/v1/reviews/{created.Id()}/claim", new { assigneeId = memberUser })).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Decide_TwoReviewersAtOnce_OneSucceedsTheOtherIsRefused()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        var responses = await Task.WhenAll(s.DecideAsync(s.Reviewer, "Approved"), s.DecideAsync(s.SecondReviewer, "Rejected"));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(codes, HttpStatusCode.OK);
        Assert.Single(codes, c => c is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed);
        var review = await s.ReviewAsync();
        Assert.Equal(1, review.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task ChangePartnerAfterApproval_ReopensReviewWithReason()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);
        var current = await (await s.Owner.GetAsync($"/api/v1/proposals/{s.ProposalId}")).ShouldBe(HttpStatusCode.OK);

        var updated = await (await s.Owner.PutJsonWithETag($"/api/v1/proposals/{s.ProposalId}", new
        {
            title = current.GetProperty("title").GetString(),
            partners = new[] { new { name = "Norinco Group", country = "CN", role = "EndUser" } },
        }, current.ETag())).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("InReview", updated.GetProperty("status").GetString());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var reopened = await db.AuditEvents.SingleAsync(a => a.ProposalId == s.ProposalId && a.EventType == AuditEventType.ReviewReopened);
        // The reason names what changed, from which value to which (the change set of the risk rules).
        Assert.Contains("partner", reopened.Reason);
        Assert.Contains("Norinco Group", reopened.Reason);
    }

    [Fact]
    public async Task ChangeFundingAfterApproval_ReopensReview()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await s.DecideAsync(s.Reviewer, "Approved")).ShouldBe(HttpStatusCode.OK);
        await (await s.Owner.PostAsJsonAsync("/api/v1/funding-sources", new
        {
            proposalId = s.ProposalId, funderName = "Aviation Industry Corporation of China", country = "CN", amount = 50000, currency = "CNY",
        })).ShouldBe(HttpStatusCode.Created);
        var review = await s.ReviewAsync();
        Assert.Equal("InReview", review.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetReview_IsAuditedWithTheReader()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.8, severity: 3);
        var review = await s.ReviewAsync();
        var hitId = review.GetProperty("hits")[0].Id();
        var explanation = await (await s.Reviewer.GetAsync($"/api/v1/reviews/{s.ProposalId}/hits/{hitId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0.8, explanation.GetProperty("explanation").GetProperty("features")[0].GetProperty("contribution").GetDouble(), 1);

        var types = await AuditTypesAsync(s.ProposalId);
        Assert.Contains(AuditEventType.ReviewViewed, types);
        Assert.Contains(AuditEventType.HitExplanationViewed, types);
    }

    [Fact]
    public async Task Queue_FiltersByRiskAssigneeAndState()
    {
        var high = await new ReviewScenario(api).SubmittedAndScreenedAsync(hitScore: 0.9, severity: 4);
        var low = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await high.Reviewer.PostAsync($"/api/v1/reviews/{high.ProposalId}/claim", null)).ShouldBe(HttpStatusCode.OK);

        async Task<List<Guid>> Ids(HttpClient client, string query) =>
            (await (await client.GetAsync($"/api/v1/reviews?{query}&pageSize=100")).ShouldBe(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("proposalId").GetGuid()).ToList();

        var highRisk = await Ids(high.Reviewer, "minRisk=High");
        Assert.Contains(high.ProposalId, highRisk);
        Assert.DoesNotContain(low.ProposalId, highRisk);
        Assert.Equal([high.ProposalId], await Ids(high.Reviewer, "assignee=me"));
        Assert.Contains(low.ProposalId, await Ids(high.Reviewer, "assignee=unassigned&status=InReview"));
        await (await high.Reviewer.GetAsync("/api/v1/reviews?pageSize=500")).ShouldBeValidationError("pageSize");
    }

    [Fact]
    public async Task ReviewEndpoints_AsInvestigatorOrGrantOfficer_Return403()
    {
        var s = await new ReviewScenario(api).SubmittedAndScreenedAsync();
        await (await s.Owner.GetAsync("/api/v1/reviews")).ShouldBe(HttpStatusCode.Forbidden);
        await (await s.Owner.PostAsJsonAsync($"/api/v1/reviews/{s.ProposalId}/decisions", new { outcome = "Approved", rationale = "self" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        var auditor = api.ClientFor(ApiFactory.NewUser("aud"), Roles.Auditor);
        await (await auditor.GetAsync($"/api/v1/reviews/{s.ProposalId}")).ShouldBe(HttpStatusCode.OK);
        await (await auditor.PostAsync($"/api/v1/reviews/{s.ProposalId}/claim", null)).ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<List<AuditEventType>> AuditTypesAsync(Guid proposalId)
    {
        await api.AuditObservationsWrittenAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        return await db.AuditEvents.Where(a => a.ProposalId == proposalId).OrderBy(a => a.Sequence).Select(a => a.EventType).ToListAsync();
    }
}
