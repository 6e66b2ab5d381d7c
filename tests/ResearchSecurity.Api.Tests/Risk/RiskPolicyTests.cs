using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Risk;
using static ResearchSecurity.Api.Tests.Risk.RiskApi;

namespace ResearchSecurity.Api.Tests.Risk;

/// <summary>Policies as versioned data: shipped versions, validation, diff, activation with re-assessment; dismissing flags.</summary>
[Collection(RiskCollection.Name)]
public sealed class RiskPolicyTests(RiskFactory api)
{
    private readonly HttpClient _admin = api.Admin();

    private static HttpContent JsonBody(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    private static string DefaultWith(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(RiskPolicies.ShippedBytes(RiskPolicies.InstitutionDefault))!;
        change(node);
        return node.ToJsonString();
    }

    private async Task<JsonElement> ActiveAsync() =>
        (await (await _admin.GetAsync("/api/v1/risk-policies")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().Single(v => v.GetProperty("status").GetString() == "active");

    [Fact]
    public async Task ShippedPolicies_AreStoredAsTheFirstThreeVersions_WithTheInstitutionDefaultInForce()
    {
        var versions = (await (await _admin.GetAsync("/api/v1/risk-policies")).ShouldBe(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(v => v.GetProperty("number").GetInt32(), v => v.GetProperty("policyId").GetString());
        Assert.Equal("institution-default", versions[1]);
        Assert.Equal("canada-strac", versions[2]);
        Assert.Equal("us-dod-decision-matrix", versions[3]);
        var dod = await (await _admin.GetAsync("/api/v1/risk-policies/3")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("prohibited", dod.GetProperty("document").GetProperty("decisionLabels").GetProperty("Critical").GetString());
    }

    [Fact]
    public async Task Upload_WindowOfZeroDays_Answers422NamingTheFieldAndThePolicyInForceStays()
    {
        var before = await ActiveAsync();
        var json = DefaultWith(n => n["rules"]!["same-party-several-researchers"]!["windowDays"] = 0);

        var response = await _admin.PostAsync("/api/v1/risk-policies", JsonBody(json));

        var problem = await response.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rules.same-party-several-researchers.windowDays", out var messages), problem.ToString());
        Assert.Contains("between 1 and 3650", messages[0].GetString());
        Assert.Equal(before.GetProperty("number").GetInt32(), (await ActiveAsync()).GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Upload_MisspelledSettingAndMissingName_Answers422NamingEach()
    {
        var misspelled = await (await _admin.PostAsync("/api/v1/risk-policies",
            JsonBody(DefaultWith(n => n["rules"]!["payer-differs"]!["weigth"] = 2)))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(misspelled.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("payer-differs") && e.Name.EndsWith("weigth"));
        var unnamed = await (await _admin.PostAsync("/api/v1/risk-policies",
            JsonBody(DefaultWith(n => n.AsObject().Remove("name"))))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.True(unnamed.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Upload_ShorterWindow_StoresANewVersionWhoseDiffNamesTheSetting_AndTheSameBytesAgainCreateNothing()
    {
        var json = DefaultWith(n => { n["rules"]!["same-party-several-researchers"]!["windowDays"] = 14; n["description"] = $"Two weeks {Guid.NewGuid():N}"; });

        var created = await (await _admin.PostAsync("/api/v1/risk-policies", JsonBody(json))).ShouldBe(HttpStatusCode.Created);
        var number = created.GetProperty("number").GetInt32();
        var diff = await (await _admin.GetAsync($"/api/v1/risk-policies/{number}/diff?against=1")).ShouldBe(HttpStatusCode.OK);
        var again = await (await _admin.PostAsync("/api/v1/risk-policies", JsonBody(json))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("imported", created.GetProperty("status").GetString());
        var change = Assert.Single(diff.GetProperty("changed").EnumerateArray(), c => c.GetProperty("path").GetString() == "rules.same-party-several-researchers.windowDays");
        Assert.Equal(31, change.GetProperty("from").GetInt32());
        Assert.Equal(14, change.GetProperty("to").GetInt32());
        Assert.Equal(number, again.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task ActivateStrac_ReassessesOpenProposalsInAJob_SensitiveResearchWithANamedOrganisationBecomesCriticalNotPermitted()
    {
        var u = Guid.NewGuid().ToString("N")[..6];
        await api.ActiveListAsync(Organisation($"Shenyang Quantum Sensing Institute {u}", "cn"), "nro", severity: 1);
        var pi = api.Investigator(ApiFactory.NewUser());
        var person = await pi.CreatePersonAsync(Person("Gao Lin", "gao.lin@example.edu", [Affiliation("University of Waterloo", "CA", "2018-01-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Quantum magnetometry", [Partner($"Shenyang Quantum Sensing Institute {u}", "CN", $"sqsi{u}.cn", "+86 24 2397 0000")],
            [person], areas: ["quantum"]));
        var reviewer = api.NewReviewer();
        var underDefault = await reviewer.RiskAsync(id);
        Assert.Equal(1, underDefault.GetProperty("policy").GetProperty("version").GetInt32());
        try
        {
            var job = await (await _admin.PostAsync("/api/v1/risk-policies/2/activate", null)).ShouldBe(HttpStatusCode.Accepted);
            await api.RunReassessmentAsync(job.Id());

            var finished = await (await _admin.GetAsync($"/api/v1/jobs/{job.Id()}")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal("succeeded", finished.GetProperty("state").GetString());
            Assert.Equal(finished.GetProperty("total").GetInt32(), finished.GetProperty("processed").GetInt32());
            var underStrac = await reviewer.RiskAsync(id);
            Assert.Equal("Critical", underStrac.Level());
            Assert.Equal(2, underStrac.GetProperty("policy").GetProperty("version").GetInt32());
            Assert.Equal("not permitted", underStrac.GetProperty("policy").GetProperty("decisionLabel").GetString());
            var flag = Assert.Single(underStrac.OpenFlags(RuleCodes.SensitiveTechnologyNamedOrganisation));
            Assert.Equal("not permitted", flag.GetProperty("decision").GetString());

            // The recorded exception: a reviewer dismisses the flag with the reason; the level drops and it is audited.
            var dismissed = await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{id}/flags/{flag.Id()}/dismiss",
                new { reason = "Exception granted by the VP Research: the institute's work here is open magnetometry, agreement ref. EX-2027-04." })).ShouldBe(HttpStatusCode.OK);
            Assert.NotEqual("Critical", dismissed.Level());
            Assert.Equal("dismissed", dismissed.Flags(RuleCodes.SensitiveTechnologyNamedOrganisation).Single().GetProperty("status").GetString());
            await using var scope = api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EventType == AuditEventType.RiskFlagDismissed && e.SubjectId == flag.Id()));
        }
        finally
        {
            var restore = await (await _admin.PostAsync("/api/v1/risk-policies/1/activate", null)).ShouldBe(HttpStatusCode.Accepted);
            await api.RunReassessmentAsync(restore.Id());
        }
    }

    [Fact]
    public async Task DismissedFlag_StaysDismissedWhileItsEvidenceIsUnchanged_AndOpensAgainWhenItChanges()
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var person = await pi.CreatePersonAsync(Person("Ines Duarte", "ines.duarte@ulisboa.pt", [Affiliation("University of Lisbon", "PT", "2016-01-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Seagrass restoration", [new { name = "Atlantic Ocean Futures Trust", country = "PT", contactEmail = "oceanfutures.trust@gmail.com", role = "Sponsor" }], [person]));
        var reviewer = api.NewReviewer();
        var flag = Assert.Single((await reviewer.RiskAsync(id)).OpenFlags(RuleCodes.NoWebPresence));
        var levelBefore = (await reviewer.RiskAsync(id)).Level();

        var dismissed = await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{id}/flags/{flag.Id()}/dismiss",
            new { reason = "A registered Portuguese charity (NIPC 515 123 456) without a website of its own." })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("None", dismissed.Level());
        Assert.NotEqual("None", levelBefore);
        Assert.Equal("A registered Portuguese charity (NIPC 515 123 456) without a website of its own.",
            dismissed.Flags(RuleCodes.NoWebPresence).Single().GetProperty("dismissalReason").GetString());

        // An edit that leaves the flag's evidence as it was: still dismissed.
        await UpdateSponsorAsync(pi, id, "Rua do Ouro 12, 1100-060 Lisboa", "oceanfutures.trust@gmail.com");
        Assert.Equal("dismissed", (await reviewer.RiskAsync(id)).Flags(RuleCodes.NoWebPresence).Single().GetProperty("status").GetString());

        // The contact moves to another webmail provider: the evidence changed, so the flag opens again with the reason.
        await UpdateSponsorAsync(pi, id, "Rua do Ouro 14, 1100-060 Lisboa", "oceanfutures@qq.com");
        var reopened = (await reviewer.RiskAsync(id)).Flags(RuleCodes.NoWebPresence).Single();
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal("The evidence changed since the flag was dismissed.", reopened.GetProperty("reRaisedReason").GetString());
    }

    private async Task UpdateSponsorAsync(HttpClient pi, Guid id, string address, string email)
    {
        var current = await (await pi.GetAsync($"/api/v1/proposals/{id}")).ShouldBe(HttpStatusCode.OK);
        var sponsor = current.GetProperty("partners")[0];
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/proposals/{id}")
        {
            Content = JsonContent.Create(new
            {
                title = "Seagrass restoration",
                partners = new[] { new { id = sponsor.Id(), name = "Atlantic Ocean Futures Trust", country = "PT", address, contactEmail = email, role = "Sponsor" } },
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", current.ETag());
        await (await pi.SendAsync(put)).ShouldBe(HttpStatusCode.OK);
        await api.ScreenPendingAsync(id);
    }
}
