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
using ResearchSecurity.Core.Risk;
using ResearchSecurity.Core.Screening;
using static ResearchSecurity.Api.Tests.Risk.RiskApi;

namespace ResearchSecurity.Api.Tests.Response;

/// <summary>
/// Suspicious-approach reports over HTTP: filing and its refusals, who sees what, triage with its audit trail, the
/// reported party's screening, and the report as evidence for the risk rules on later (and earlier) proposals.
/// </summary>
[Collection(RiskCollection.Name)]
public sealed class ApproachReportTests(RiskFactory api)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static object Report(string organisation, string? name = "Chen Hao", string? email = null, string channel = "Conference") => new
    {
        approacherName = name, approacherOrganisation = organisation, approacherEmail = email, country = "CN", channel,
        asks = new[] { "data", "lectureWithPaidTravel" }, approachedOn = "2026-11-20",
        description = "Asked for our unpublished sonar data and offered a paid lecture tour.",
    };

    private async Task<JsonElement> FileAsync(HttpClient reporter, object report) =>
        await (await reporter.PostAsJsonAsync("/api/v1/approach-reports", report)).ShouldBe(HttpStatusCode.Created);

    private async Task ScreenReportAsync(Guid reportId)
    {
        List<Guid> runs;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            runs = await db.ScreeningRuns.Where(r => r.SubjectId == reportId && r.Outcome == ScreeningOutcome.Pending).Select(r => r.Id).ToListAsync();
        }
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScreenSubjectJob>().ScreenAsync(run, null, CancellationToken.None);
        }
    }

    private async Task<List<AuditEventType>> AuditOfAsync(Guid reportId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        return await db.AuditEvents.Where(e => e.SubjectId == reportId).OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync();
    }

    [Fact]
    public async Task FileReport_AsAGrantOfficer_IsCreatedNewAuditedAndSeenOnlyByTheReporterAndReviewers()
    {
        var reporterId = ApiFactory.NewUser("go");
        var reporter = api.ClientFor(reporterId, Roles.GrantOfficer);
        var report = await FileAsync(reporter, Report($"Northern Star Photonics {Unique()} Ltd"));

        Assert.Equal("New", report.GetProperty("status").GetString());
        Assert.Equal(reporterId, report.GetProperty("reporterId").GetString());
        Assert.Equal(["data", "lectureWithPaidTravel"], report.GetProperty("asks").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("hits").ValueKind); // the reporter does not see screening results
        Assert.Equal([AuditEventType.ApproachReported], await AuditOfAsync(report.Id()));

        await (await reporter.GetAsync($"/api/v1/approach-reports/{report.Id()}")).ShouldBe(HttpStatusCode.OK);
        var otherPi = api.Investigator(ApiFactory.NewUser());
        Assert.Equal(HttpStatusCode.NotFound, (await otherPi.GetAsync($"/api/v1/approach-reports/{report.Id()}")).StatusCode);
        var othersList = await (await otherPi.GetAsync("/api/v1/approach-reports?pageSize=100")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(othersList.GetProperty("items").EnumerateArray(), r => r.Id() == report.Id());
        var queue = await (await api.NewReviewer().GetAsync("/api/v1/approach-reports?status=New&pageSize=100")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.Id() == report.Id());
    }

    [Fact]
    public async Task FileReport_WithNeitherPersonNorOrganisationAnUnknownAskAndAFutureDate_Returns400NamingEachField()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var response = await pi.PostAsJsonAsync("/api/v1/approach-reports", new
        {
            approacherEmail = "not-an-address", channel = "Carrier pigeon", asks = new[] { "data", "kidneys" }, approachedOn = "2099-01-01", description = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        // An unknown enum value fails binding: the field is named and nothing is written.
        Assert.Contains("channel", problem, StringComparison.OrdinalIgnoreCase);

        var second = await pi.PostAsJsonAsync("/api/v1/approach-reports", new
        {
            approacherEmail = "not-an-address", channel = "Email", asks = new[] { "data", "kidneys" }, approachedOn = "2099-01-01", description = "",
        });
        var errors = (await second.ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "approacherOrganisation", "approacherEmail", "asks[1]", "approachedOn", "description" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        var mine = await (await pi.GetAsync("/api/v1/approach-reports")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Triage_NewThenUnderReviewThenClosed_EachStepAudited_AndStepsOutOfOrderAre409_AndTheReporterCannotTriage()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var report = await FileAsync(pi, Report($"Eastern Sea Instruments {Unique()}"));
        var reviewer = api.NewReviewer();
        var url = $"/api/v1/approach-reports/{report.Id()}";

        Assert.Equal(HttpStatusCode.Forbidden, (await pi.PostAsync($"{url}/review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"{url}/close", new { outcome = "Suspicious", note = "Too early." })).StatusCode);
        var underReview = await (await reviewer.PostAsync($"{url}/review", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("UnderReview", underReview.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"{url}/review", null)).StatusCode);
        var noNote = await reviewer.PostAsJsonAsync($"{url}/close", new { outcome = "Suspicious" });
        Assert.True((await noNote.ShouldBe(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        var closed = await (await reviewer.PostAsJsonAsync($"{url}/close", new { outcome = "ReferredToSecurity", note = "Passed to the security office." }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("ReferredToSecurity", closed.GetProperty("outcome").GetString());

        // The reporter sees how the office handled it.
        var seen = await (await pi.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("ReferredToSecurity", seen.GetProperty("outcome").GetString());
        await api.AuditObservationsWrittenAsync();
        var trail = await AuditOfAsync(report.Id());
        Assert.Equal([AuditEventType.ApproachReported, AuditEventType.ApproachReviewStarted, AuditEventType.ApproachReportClosed],
            trail.Where(t => t is not (AuditEventType.ScreeningCompleted or AuditEventType.AccessDenied)).ToList());
        Assert.Contains(AuditEventType.AccessDenied, trail); // the reporter's attempt to triage their own report
    }

    [Fact]
    public async Task ReportedOrganisation_OnAList_IsScreenedLikeAnyOtherSubject_AndTheReviewerSeesTheHit()
    {
        var u = Unique();
        await api.ActiveListAsync(Organisation($"Harbin Marine Acoustics Institute {u}", "CN"));
        var pi = api.Investigator(ApiFactory.NewUser());
        var report = await FileAsync(pi, Report($"Harbin Marine Acoustics Institute {u}"));

        await ScreenReportAsync(report.Id());

        var reviewerView = await (await api.NewReviewer().GetAsync($"/api/v1/approach-reports/{report.Id()}")).ShouldBe(HttpStatusCode.OK);
        var hit = Assert.Single(reviewerView.GetProperty("hits").EnumerateArray());
        Assert.Equal("approacherOrganisation", hit.GetProperty("field").GetString());
        Assert.Contains(u, hit.GetProperty("entityName").GetString());
        var reporterView = await (await pi.GetAsync($"/api/v1/approach-reports/{report.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, reporterView.GetProperty("hits").ValueKind);
    }

    [Fact]
    public async Task LaterProposal_WhosePartnerIsTheReportedOrganisationWrittenDifferently_IsFlagged_ReviewerSeesTheReport_PiDoesNot()
    {
        var u = Unique();
        var reporter = api.Investigator(ApiFactory.NewUser());
        var report = await FileAsync(reporter, Report($"Golden Dragon Photonics {u} Co., Ltd."));
        await ScreenReportAsync(report.Id());

        var pi = api.Investigator(ApiFactory.NewUser());
        var person = await pi.CreatePersonAsync(Person("Anna Keller", "anna.keller@ethz.ch", [Affiliation("ETH Zurich", "CH", "2015-09-01")]));
        var proposal = await api.SubmitAndScreenAsync(pi, Proposal("Fibre laser arrays", [new { name = $"GOLDEN DRAGON PHOTONICS {u} CO LTD", country = "CN", role = "Partner" }], [person]));

        var reviewerView = await api.NewReviewer().RiskAsync(proposal);
        var flag = Assert.Single(reviewerView.OpenFlags(RuleCodes.ReportedApproach));
        var evidence = flag.GetProperty("evidence");
        Assert.Equal(report.Id(), evidence.GetProperty("reportId").GetGuid());
        var match = Assert.Single(evidence.GetProperty("matches").EnumerateArray());
        Assert.Equal("organisation", match.GetProperty("kind").GetString());
        Assert.Equal("partner", match.GetProperty("on").GetString());
        Assert.Contains(reviewerView.GetProperty("factors").EnumerateArray(), f => f.GetProperty("code").GetString() == RuleCodes.ReportedApproach);
        var piView = Assert.Single((await pi.RiskAsync(proposal)).OpenFlags(RuleCodes.ReportedApproach));
        Assert.True(piView.GetProperty("evidenceWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, piView.GetProperty("evidence").ValueKind);

        // The report lists the proposal it is evidence on, for the reviewer.
        var onReport = await (await api.NewReviewer().GetAsync($"/api/v1/approach-reports/{report.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(onReport.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("proposalId").GetGuid() == proposal);
    }

    [Fact]
    public async Task ProposalStoredBeforeTheReport_WithAVisitorOfTheReportedName_IsFlaggedWhenTheReportIsScreened_AndClosingAsNoConcernResolvesIt()
    {
        var u = Unique();
        var pi = api.Investigator(ApiFactory.NewUser());
        var visitor = await pi.CreatePersonAsync(Person($"Zhao Min{u}", $"zm{u}@qq.com", [Affiliation("Tianjin University", "CN", "2019-09-01")]));
        var proposal = await api.SubmitAndScreenAsync(pi, Proposal("Membrane distillation", [], [visitor], memberRole: "VisitingResearcher"));
        Assert.Empty((await api.NewReviewer().RiskAsync(proposal)).Flags(RuleCodes.ReportedApproach));

        // Reported with the name in the other order; the person key is order-free.
        var report = await FileAsync(api.Investigator(ApiFactory.NewUser()), new
        {
            approacherName = $"MIN{u} ZHAO", channel = "SocialMedia", asks = new[] { "position", "compensation" }, approachedOn = "2026-10-01",
            description = "Offered a paid position abroad over a social network.",
        });
        await ScreenReportAsync(report.Id());
        var flag = Assert.Single((await api.NewReviewer().RiskAsync(proposal)).OpenFlags(RuleCodes.ReportedApproach));
        Assert.Equal("member", flag.GetProperty("evidence").GetProperty("matches")[0].GetProperty("on").GetString());

        var reviewer = api.NewReviewer();
        await (await reviewer.PostAsync($"/api/v1/approach-reports/{report.Id()}/review", null)).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.PostAsJsonAsync($"/api/v1/approach-reports/{report.Id()}/close", new { outcome = "NoConcern", note = "A recruiter for a civilian company." }))
            .ShouldBe(HttpStatusCode.OK);
        await ScreenReportAsync(report.Id()); // the status change queued the report's screening, which re-assesses the proposal

        var after = Assert.Single((await api.NewReviewer().RiskAsync(proposal)).Flags(RuleCodes.ReportedApproach));
        Assert.Equal("resolved", after.GetProperty("status").GetString());
    }
}
