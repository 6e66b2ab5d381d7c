using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Risk;
using static ResearchSecurity.Api.Tests.Risk.RiskApi;

namespace ResearchSecurity.Api.Tests.Risk;

/// <summary>
/// Each red-flag rule over HTTP with realistic records: the flag, its evidence and the level it sets; and a
/// look-alike that is fine and raises nothing.
/// </summary>
[Collection(RiskCollection.Name)]
public sealed class RiskRulesTests(RiskFactory api)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private async Task<(HttpClient Pi, Guid Person)> InvestigatorAsync(object? person = null)
    {
        var pi = api.Investigator(ApiFactory.NewUser());
        var id = await pi.CreatePersonAsync(person ?? Person("Anna Keller", "anna.keller@ethz.ch", [Affiliation("ETH Zurich", "CH", "2015-09-01")]));
        return (pi, id);
    }

    private static void AssertRaisesLevel(JsonElement risk, string rule, string atLeast)
    {
        Assert.True(Enum.Parse<Core.Proposals.RiskLevel>(risk.Level()) >= Enum.Parse<Core.Proposals.RiskLevel>(atLeast), $"level {risk.Level()}: {risk}");
        Assert.Contains(risk.GetProperty("factors").EnumerateArray(), f => f.GetProperty("kind").GetString() == "flag" && f.GetProperty("code").GetString() == rule);
    }

    // ── rule 1 ──
    [Fact]
    public async Task SharedContact_TwoDifferentlyNamedPartnersShareOnePhoneWrittenTwoWays_FlagsWithTheE164NumberAndRaisesLevel()
    {
        var (pi, person) = await InvestigatorAsync();
        var u = Unique();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Port logistics optimisation", [
            new { name = $"Golden Bridge Trading {u} Co., Ltd.", country = "HK", website = $"https://www.goldenbridge{u}.hk", contactEmail = $"info@goldenbridge{u}.hk", contactPhone = "+852 2345 6789", role = "Partner" },
            new { name = $"Pacific Dawn Technology {u} Ltd", country = "HK", website = $"https://pacificdawn{u}.com", contactEmail = $"contact@pacificdawn{u}.com", contactPhone = "2345-6789", role = "Partner" },
        ], [person]));

        var risk = await pi.RiskAsync(id);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.SharedContactDetails));
        var evidence = flag.GetProperty("evidence");
        Assert.Equal("phone", evidence.GetProperty("detail").GetString());
        Assert.Equal("+85223456789", evidence.GetProperty("normalisedValue").GetString());
        Assert.Equal(["+852 2345 6789", "2345-6789"], evidence.GetProperty("onThisProposal").EnumerateArray().Select(p => p.GetProperty("contactPhone").GetString()!).Order().ToArray());
        AssertRaisesLevel(risk, RuleCodes.SharedContactDetails, "Medium");
    }

    [Fact]
    public async Task SharedContact_TwoPartnersBothWithGmailContactsAndOwnPhones_RaisesNothing()
    {
        var (pi, person) = await InvestigatorAsync();
        var u = Unique();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Coastal sediment survey", [
            new { name = $"Marine Survey {u} Ltd", country = "GB", website = $"https://marinesurvey{u}.co.uk", contactEmail = $"marinesurvey{u}@gmail.com", contactPhone = "+44 20 7946 0018", role = "Partner" },
            new { name = $"Tidal Data {u} Ltd", country = "GB", website = $"https://tidaldata{u}.co.uk", contactEmail = $"tidaldata{u}@gmail.com", contactPhone = "+44 161 496 0753", role = "Partner" },
        ], [person]));

        Assert.Empty((await pi.RiskAsync(id)).Flags(RuleCodes.SharedContactDetails));
    }

    [Fact]
    public async Task SharedContact_AnotherInvestigatorsPartnerAtTheSameStreetAddress_FlagsAcrossRecordsAndWithholdsEvidenceFromThePi()
    {
        var u = Unique();
        var address = $"Room 1203, {u} Tower, 88 Queensway, Admiralty, Hong Kong";
        var (pi1, p1) = await InvestigatorAsync();
        await api.SubmitAndScreenAsync(pi1, Proposal("Battery chemistry", [new { name = $"Everbright Materials {u} Ltd", country = "HK", website = $"https://everbright{u}.hk", address, role = "Partner" }], [p1]));
        var (pi2, p2) = await InvestigatorAsync();
        var second = await api.SubmitAndScreenAsync(pi2, Proposal("Solid-state electrolytes", [new { name = $"Northstar Research {u} Ltd", country = "HK", website = $"https://northstar{u}.hk", address = address.ToUpperInvariant(), role = "Partner" }], [p2]));

        var reviewerView = await api.NewReviewer().RiskAsync(second);
        var flag = Assert.Single(reviewerView.OpenFlags(RuleCodes.SharedContactDetails));
        Assert.Equal("address", flag.GetProperty("evidence").GetProperty("detail").GetString());
        Assert.Contains($"Everbright Materials {u} Ltd", flag.GetProperty("evidence").GetProperty("onOtherProposals")[0].GetProperty("organisation").GetString());
        var piView = Assert.Single((await pi2.RiskAsync(second)).OpenFlags(RuleCodes.SharedContactDetails));
        Assert.True(piView.GetProperty("evidenceWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, piView.GetProperty("evidence").ValueKind);
    }

    // ── rule 2 ──
    [Fact]
    public async Task NoWebPresence_SponsorWithWebmailContactAndNoWebsite_FlagsNamingTheWebmailContact()
    {
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Drone swarm coordination", [
            new { name = "Horizon Science Development Foundation", country = "SG", contactEmail = "horizon.sci.fund@163.com", role = "Sponsor" },
        ], [person]));

        var risk = await pi.RiskAsync(id);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.NoWebPresence));
        Assert.True(flag.GetProperty("evidence").GetProperty("webmailContact").GetBoolean());
        Assert.Equal("no website is recorded", flag.GetProperty("evidence").GetProperty("problem").GetString());
        Assert.Contains("163.com", flag.GetProperty("explanation").GetString());
        Assert.NotEqual("None", risk.Level());
    }

    [Fact]
    public async Task NoWebPresence_UniversityWithItsOwnDomainForWebsiteAndContact_RaisesNothing()
    {
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Glacier melt models", [Partner("Technical University of Munich", "DE", "tum.de", "+49 89 289 01")], [person]));

        Assert.Empty((await pi.RiskAsync(id)).Flags(RuleCodes.NoWebPresence));
    }

    // ── rule 3 ──
    [Fact]
    public async Task PayerDiffers_PaidByATradingCompanyInAThirdCountry_FlagsWithThePayersCountry()
    {
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Marine robotics", [Partner("Harbin Eng. Univ.", "CN", "hrbeu.edu.cn", "+86 451 8251 9114")], [person],
            funding: [new { funderName = "Shenzhen Innovation Fund", country = "CN", payer = "Golden Bridge Trading Ltd, Hong Kong", amount = 500000m, currency = "CNY" }]));

        var risk = await pi.RiskAsync(id);

        var evidence = Assert.Single(risk.OpenFlags(RuleCodes.PayerDiffers)).GetProperty("evidence");
        Assert.True(evidence.GetProperty("thirdCountry").GetBoolean());
        Assert.Equal("HK", evidence.GetProperty("payerCountry").GetString());
        Assert.Equal("Golden Bridge Trading Ltd, Hong Kong", evidence.GetProperty("payer").GetString());
        AssertRaisesLevel(risk, RuleCodes.PayerDiffers, "Medium");
    }

    [Fact]
    public async Task PayerDiffers_PartnerPaysUnderItsFullNameWhileListedAbbreviated_RaisesNothing()
    {
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Marine robotics II", [Partner("Harbin Eng. Univ.", "CN", "hrbeu.edu.cn", "+86 451 8251 9114")], [person],
            funding: [new { funderName = "National Natural Science Foundation of China", country = "CN", payer = "Harbin Engineering University", amount = 250000m, currency = "CNY" }]));

        Assert.Empty((await pi.RiskAsync(id)).Flags(RuleCodes.PayerDiffers));
    }

    // ── rule 4 ──
    private async Task<(HttpClient Pi, Guid Id)> ApprovedAsync(string endUser)
    {
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Ship hull coatings", [
            Partner("Technical University of Munich", "DE", "tum.de", "+49 89 289 01"),
            Partner(endUser, "DE", "acme-robotics.de", "+49 30 901820", role: "EndUser"),
        ], [person]));
        var reviewer = api.NewReviewer();
        var decided = await (await reviewer.PostAsJsonAsync($"/api/v1/reviews/{id}/decisions", new { outcome = "Approved", rationale = "Civil research with a known partner." }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Approved", decided.GetProperty("status").GetString());
        Assert.Equal(1, decided.GetProperty("decisions")[0].GetProperty("riskPolicyVersion").GetInt32());
        return (pi, id);
    }

    [Fact]
    public async Task ChangeAfterApproval_EndUserReplaced_ReopensAndFlagsFromWhichEndUserToWhich()
    {
        var (pi, id) = await ApprovedAsync("Acme Robotics GmbH");
        var current = await (await pi.GetAsync($"/api/v1/proposals/{id}")).ShouldBe(HttpStatusCode.OK);
        var keep = current.GetProperty("partners").EnumerateArray().First(p => p.GetProperty("role").GetString() == "Partner");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/proposals/{id}")
        {
            Content = JsonContent.Create(new
            {
                title = "Ship hull coatings",
                partners = new object[]
                {
                    new { id = keep.Id(), name = "Technical University of Munich", country = "DE", website = "https://www.tum.de", contactEmail = "office@tum.de", contactPhone = "+49 89 289 01", role = "Partner" },
                    new { name = "Dalian Maritime Systems Co.", country = "CN", website = "https://www.dlmaritime.cn", contactEmail = "sales@dlmaritime.cn", role = "EndUser" },
                },
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", current.ETag());
        var updated = await (await pi.SendAsync(put)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("InReview", updated.GetProperty("status").GetString());
        await api.ScreenPendingAsync(id);

        var risk = await api.NewReviewer().RiskAsync(id);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.ChangeAfterApproval));
        var change = Assert.Single(flag.GetProperty("evidence").GetProperty("changes").EnumerateArray());
        Assert.Equal("end user", change.GetProperty("part").GetString());
        Assert.Equal("Acme Robotics GmbH (DE)", change.GetProperty("from").GetString());
        Assert.Equal("Dalian Maritime Systems Co. (CN)", change.GetProperty("to").GetString());
        AssertRaisesLevel(risk, RuleCodes.ChangeAfterApproval, "Medium");
    }

    [Fact]
    public async Task ChangeAfterApproval_OnlyTheSummaryReworded_StaysApprovedWithoutFlag()
    {
        var (pi, id) = await ApprovedAsync("Acme Robotics GmbH");
        var current = await (await pi.GetAsync($"/api/v1/proposals/{id}")).ShouldBe(HttpStatusCode.OK);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/proposals/{id}") { Content = JsonContent.Create(new { title = "Ship hull coatings", summary = "Reworded summary." }) };
        put.Headers.TryAddWithoutValidation("If-Match", current.ETag());
        Assert.Equal("Approved", (await (await pi.SendAsync(put)).ShouldBe(HttpStatusCode.OK)).GetProperty("status").GetString());
        await api.ScreenPendingAsync(id);

        Assert.Empty((await api.NewReviewer().RiskAsync(id)).Flags(RuleCodes.ChangeAfterApproval));
    }

    // ── rule 5 ──
    [Fact]
    public async Task SameParty_OneOrganisationOnThreeInvestigatorsProposalsInOneMonth_FlagsTheThird()
    {
        var u = Unique();
        var org = $"Zhongke Advanced Materials Institute (Ningbo {u})";
        var ids = new List<Guid>();
        foreach (var title in new[] { "Graphene membranes", "Perovskite cells", "Ceramic composites" })
        {
            var (pi, person) = await InvestigatorAsync();
            ids.Add(await api.SubmitAndScreenAsync(pi, Proposal(title, [Partner(org, "CN", $"zkami{u}.cn", "+86 574 8668 5000")], [person])));
        }

        var risk = await api.NewReviewer().RiskAsync(ids[2]);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.SamePartySeveralResearchers));
        Assert.Equal(3, flag.GetProperty("evidence").GetProperty("researchers").GetInt32());
        Assert.Equal(ids.Take(2).Order(), flag.GetProperty("evidence").GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("proposalId").GetGuid()).Order());
        AssertRaisesLevel(risk, RuleCodes.SamePartySeveralResearchers, "Medium");
    }

    [Fact]
    public async Task SameParty_OneOrganisationOnTwoInvestigatorsProposals_BelowThresholdRaisesNothing()
    {
        var u = Unique();
        var org = $"Zhongke Advanced Materials Institute (Suzhou {u})";
        Guid last = default;
        foreach (var title in new[] { "Graphene membranes", "Perovskite cells" })
        {
            var (pi, person) = await InvestigatorAsync();
            last = await api.SubmitAndScreenAsync(pi, Proposal(title, [Partner(org, "CN", $"zkami{u}.cn", "+86 512 6687 2000")], [person]));
        }
        Assert.Empty((await api.NewReviewer().RiskAsync(last)).Flags(RuleCodes.SamePartySeveralResearchers));
    }

    // ── rule 6 ──
    [Fact]
    public async Task TalentRecruitment_DeclaredThousandTalentsAndChangjiangInAnAffiliation_FlagsBothAgainstTheListedPrograms()
    {
        await api.ActiveListAsync(File.ReadAllBytes(SharedData.Path1286(2024)), "tp");
        var (pi, person) = await InvestigatorAsync(Person("Chen Jun", "chen.jun@kit.edu",
            [Affiliation("Karlsruhe Institute of Technology", "DE", "2016-04-01"), Affiliation("Changjiang Scholar Distinguished Professor, Sichuan University", "CN", "2021-01-01")],
            [new { programName = "Thousand Talents Plan (Qianren Jihua)", sponsor = "Organization Department of the CPC Central Committee", startDate = "2020-01-01", compensation = "Relocation grant and housing in Chengdu" }]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Fuel-cell catalysts", [Partner("Karlsruhe Institute of Technology", "DE", "kit.edu", "+49 721 6080")], [person]));

        var flags = (await pi.RiskAsync(id)).OpenFlags(RuleCodes.TalentRecruitment).ToList();

        var declared = Assert.Single(flags, f => f.GetProperty("evidence").TryGetProperty("programName", out _));
        Assert.Equal("Thousand Talents Plan", declared.GetProperty("evidence").GetProperty("listedAs").GetProperty("name").GetString());
        Assert.StartsWith("tp-", declared.GetProperty("evidence").GetProperty("listedAs").GetProperty("watchlistId").GetString());
        Assert.Equal("Relocation grant and housing in Chengdu", declared.GetProperty("evidence").GetProperty("compensationOffered").GetString());
        var mention = Assert.Single(flags, f => f.GetProperty("evidence").TryGetProperty("program", out _));
        Assert.Equal("Changjiang Scholar Distinguished Professorship", mention.GetProperty("evidence").GetProperty("program").GetProperty("name").GetString());
        AssertRaisesLevel(await pi.RiskAsync(id), RuleCodes.TalentRecruitment, "High");
    }

    [Fact]
    public async Task TalentRecruitment_ThousandOaksInstituteAndANationalScholarship_RaisesNothing()
    {
        await api.ActiveListAsync(File.ReadAllBytes(SharedData.Path1286(2024)), "tp");
        var (pi, person) = await InvestigatorAsync(Person("Maria Lopez", "maria.lopez@ucsb.edu",
            [Affiliation("Thousand Oaks Research Institute, California", "US", "2018-01-01"), Affiliation("River Studies Centre, University of Leeds", "GB", "2012-01-01", "2017-12-31")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Wildfire spread models", [Partner("University of California, Santa Barbara", "US", "ucsb.edu", "+1 805 893 8000")], [person]));

        Assert.Empty((await pi.RiskAsync(id)).Flags(RuleCodes.TalentRecruitment));
    }

    // ── rule 7 ──
    [Fact]
    public async Task UndisclosedAffiliation_VisitorWithNudtMailButOnlyTsinghuaDeclared_FlagsTheEmailDomain()
    {
        await api.ActiveListAsync(Organisation("National University of Defense Technology", "cn", null, null, "NUDT", "国防科技大学"), "ua");
        var (pi, person) = await InvestigatorAsync(Person("Li Wei", "li.wei@nudt.edu.cn", [Affiliation("Department of Physics, Tsinghua University, Beijing", "CN", "2019-09-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Quantum optics", [Partner("Tsinghua University", "CN", "tsinghua.edu.cn", "+86 10 6278 5001")], [person],
            memberRole: "VisitingResearcher"));

        var risk = await api.NewReviewer().RiskAsync(id);

        // One flag per list in force that names the institution (the negative case below puts a second copy in force).
        var evidence = risk.OpenFlags(RuleCodes.UndisclosedAffiliation).First().GetProperty("evidence");
        Assert.All(risk.OpenFlags(RuleCodes.UndisclosedAffiliation), f => Assert.Equal("nudt.edu.cn", f.GetProperty("evidence").GetProperty("emailDomain").GetString()));
        Assert.Equal("nudt.edu.cn", evidence.GetProperty("emailDomain").GetString());
        Assert.StartsWith("National University of Defense Technology", evidence.GetProperty("listedEntity").GetString());
        AssertRaisesLevel(risk, RuleCodes.UndisclosedAffiliation, "High");
    }

    [Fact]
    public async Task UndisclosedAffiliation_NudtMailWithNudtDeclared_RaisesNothing()
    {
        await api.ActiveListAsync(Organisation("National University of Defense Technology", "cn", null, null, "NUDT", "国防科技大学"), "ua");
        var (pi, person) = await InvestigatorAsync(Person("Zhang Min", "zhang.min@nudt.edu.cn", [Affiliation("College of Computer, National University of Defense Technology, Changsha", "CN", "2017-09-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Parallel solvers", [Partner("ETH Zurich", "CH", "ethz.ch", "+41 44 632 11 11")], [person]));

        Assert.Empty((await api.NewReviewer().RiskAsync(id)).Flags(RuleCodes.UndisclosedAffiliation));
    }

    // ── rule 8 ──
    [Fact]
    public async Task ForeignGovernmentInfluence_EmployedUnderAForeignGovernmentsDirection_FlagsDeemedExportReviewNamingTheAnswer()
    {
        var (pi, person) = await InvestigatorAsync(Person("Sato Kenji", "k.sato@example.ac.jp", [Affiliation("Osaka University", "JP", "2014-04-01")],
            declarations: new { employedUnderForeignGovernmentDirection = true, foreignGovernmentIncomeAtLeast25Percent = false, actingOnForeignGovernmentInstruction = false }));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Power electronics", [Partner("Osaka University", "JP", "osaka-u.ac.jp", "+81 6 6877 5111")], [person]));

        var risk = await pi.RiskAsync(id);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.ForeignGovernmentInfluence));
        Assert.Equal("declarations.employedUnderForeignGovernmentDirection", flag.GetProperty("evidence").GetProperty("declaration").GetString());
        Assert.Contains("deemed-export review", flag.GetProperty("explanation").GetString());
        AssertRaisesLevel(risk, RuleCodes.ForeignGovernmentInfluence, "High");
    }

    [Fact]
    public async Task ForeignGovernmentInfluence_AllSpecificCategoryAnswersNo_RaisesNothing()
    {
        var (pi, person) = await InvestigatorAsync(Person("Suzuki Aya", "a.suzuki@example.ac.jp", [Affiliation("Osaka University", "JP", "2014-04-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Power electronics II", [Partner("Osaka University", "JP", "osaka-u.ac.jp", "+81 6 6877 5111")], [person]));

        Assert.Empty((await pi.RiskAsync(id)).Flags(RuleCodes.ForeignGovernmentInfluence));
    }

    // ── rule 9 ──
    [Fact]
    public async Task HistoricalListing_ListingEndedDuringThePlannedCollaboration_FlagsWithBothPeriods()
    {
        var u = Unique();
        await api.ActiveListAsync(Organisation($"Xian Aero Dynamics Research Institute {u}", "cn", "2015-01-01", "2026-06-30"), "hl");
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Turbine blade cooling", [Partner($"Xian Aero Dynamics Research Institute {u}", "CN", $"xadri{u}.cn", "+86 29 8849 1234")], [person],
            plannedStart: "2026-01-01", plannedEnd: "2027-12-31"));

        var risk = await api.NewReviewer().RiskAsync(id);

        var evidence = Assert.Single(risk.OpenFlags(RuleCodes.HistoricalListingOverlap)).GetProperty("evidence");
        Assert.Equal("2026-06-30", evidence.GetProperty("listingPeriods")[0].GetProperty("end").GetString());
        Assert.Equal("2026-01-01", evidence.GetProperty("start").GetString());
        Assert.Equal("proposal", evidence.GetProperty("overlapsWith").GetString());
        AssertRaisesLevel(risk, RuleCodes.HistoricalListingOverlap, "Low");
    }

    [Fact]
    public async Task HistoricalListing_ListingEndedBeforeTheCollaborationStarts_RaisesNothing()
    {
        var u = Unique();
        await api.ActiveListAsync(Organisation($"Xian Aero Dynamics Research Institute {u}", "cn", "2015-01-01", "2026-06-30"), "hl");
        var (pi, person) = await InvestigatorAsync();
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Turbine blade cooling II", [Partner($"Xian Aero Dynamics Research Institute {u}", "CN", $"xadri{u}.cn", "+86 29 8849 1234")], [person],
            plannedStart: "2027-01-01", plannedEnd: "2028-12-31"));

        Assert.Empty((await api.NewReviewer().RiskAsync(id)).Flags(RuleCodes.HistoricalListingOverlap));
    }

    // ── rule 10 ──
    [Fact]
    public async Task SensitiveTechnology_QuantumResearchWithACurrentlyAffiliatedNamedOrganisation_FlagsAndSetsAtLeastHigh()
    {
        var u = Unique();
        await api.ActiveListAsync(Organisation($"Hefei Quantum Devices Laboratory {u}", "cn"), "nro", severity: 1);
        var (pi, person) = await InvestigatorAsync(Person("Wu Hao", "wu.hao@ustc.edu.cn", [Affiliation($"Hefei Quantum Devices Laboratory {u}, Hefei", "CN", "2020-01-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Trapped-ion qubits", [Partner("University of Innsbruck", "AT", "uibk.ac.at", "+43 512 507 0")], [person], areas: ["quantum"]));

        var risk = await api.NewReviewer().RiskAsync(id);

        var flag = Assert.Single(risk.OpenFlags(RuleCodes.SensitiveTechnologyNamedOrganisation));
        Assert.Equal(["quantum"], flag.GetProperty("evidence").GetProperty("sensitiveAreas").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Contains("Wu Hao, currently affiliated", flag.GetProperty("evidence").GetProperty("involved").GetString());
        Assert.Equal("High", flag.GetProperty("minimumLevel").GetString());
        AssertRaisesLevel(risk, RuleCodes.SensitiveTechnologyNamedOrganisation, "High");
    }

    [Fact]
    public async Task SensitiveTechnology_SameNamedOrganisationButEnvironmentalResearch_RaisesNothing()
    {
        var u = Unique();
        await api.ActiveListAsync(Organisation($"Hefei Quantum Devices Laboratory {u}", "cn"), "nro", severity: 1);
        var (pi, person) = await InvestigatorAsync(Person("Wu Hao", "wu.hao@ustc.edu.cn", [Affiliation($"Hefei Quantum Devices Laboratory {u}, Hefei", "CN", "2020-01-01")]));
        var id = await api.SubmitAndScreenAsync(pi, Proposal("Lake ecology", [Partner("University of Innsbruck", "AT", "uibk.ac.at", "+43 512 507 0")], [person], areas: ["environment"]));

        Assert.Empty((await api.NewReviewer().RiskAsync(id)).Flags(RuleCodes.SensitiveTechnologyNamedOrganisation));
    }
}
