using System.Net;
using System.Net.Http.Json;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PeopleEndpointsTests(ApiFactory api)
{
    private readonly HttpClient _pi = api.Investigator(ApiFactory.NewUser());

    [Fact]
    public async Task Create_PersonWithAffiliationsVisitsAndDeclarations_Returns201AndKeepsRawText()
    {
        var response = await _pi.PostAsJsonAsync("/api/v1/people", Builders.Person());
        var person = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/people/{person.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("王芳", person.GetProperty("nativeName").GetString());
        Assert.Equal("School of Computer Science, Beihang University, Beijing 100191, China",
            person.GetProperty("affiliations")[0].GetProperty("organisationName").GetString());
        Assert.Equal("China Scholarship Council", person.GetProperty("visits")[0].GetProperty("sponsor").GetString());
        Assert.False(person.GetProperty("declarations").GetProperty("foreignGovernmentIncomeAtLeast25Percent").GetBoolean());
    }

    [Fact]
    public async Task Update_AddsTalentProgramAndKeepsAffiliationIds()
    {
        var person = await _pi.CreatePersonAsync();
        var affiliation = person.GetProperty("affiliations")[0];
        var body = new
        {
            name = "Wang Fang",
            orcid = "0000-0002-1825-0097",
            affiliations = new object[]
            {
                new { id = affiliation.Id(), organisationName = affiliation.GetProperty("organisationName").GetString(), country = "CN", kind = "Employment", isCurrent = true },
                new { organisationName = "Harbin Institute of Technology", country = "CN", kind = "Adjunct", startDate = "2021-01-01", endDate = "2022-12-31", isCurrent = false },
            },
            talentPrograms = new[] { new { programName = "Thousand Talents Plan", sponsor = "Central Organization Department", startDate = "2020-01-01", compensation = "Housing and a research grant" } },
        };
        var updated = await (await _pi.PutJsonWithETag($"/api/v1/people/{person.Id()}", body, person.ETag())).ShouldBe(HttpStatusCode.OK);

        var affiliations = updated.GetProperty("affiliations").EnumerateArray().ToList();
        Assert.Equal(2, affiliations.Count);
        Assert.Contains(affiliations, a => a.Id() == affiliation.Id());
        Assert.Equal("Thousand Talents Plan", updated.GetProperty("talentPrograms")[0].GetProperty("programName").GetString());
        Assert.Equal(1, updated.GetProperty("visits").GetArrayLength()); // visits omitted: untouched
    }

    [Fact]
    public async Task Update_WithStaleETag_Returns412()
    {
        var person = await _pi.CreatePersonAsync();
        await (await _pi.PutJsonWithETag($"/api/v1/people/{person.Id()}", new { name = "Wang Fang (1)" }, person.ETag())).ShouldBe(HttpStatusCode.OK);
        await (await _pi.PutJsonWithETag($"/api/v1/people/{person.Id()}", new { name = "Wang Fang (2)" }, person.ETag())).ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Get_AnotherInvestigatorsPerson_Returns404()
    {
        var person = await _pi.CreatePersonAsync();
        await (await api.Investigator(ApiFactory.NewUser()).GetAsync($"/api/v1/people/{person.Id()}")).ShouldBe(HttpStatusCode.NotFound);
        await (await _pi.GetAsync($"/api/v1/people/{person.Id()}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_LinkedUserSeesOwnPersonRecord()
    {
        var self = ApiFactory.NewUser();
        var person = await _pi.CreatePersonAsync("Linked Researcher", userId: self);
        await (await api.Investigator(self).GetAsync($"/api/v1/people/{person.Id()}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_UnusedPerson_Returns204AndPersonOnProposal_Returns409()
    {
        var unused = await _pi.CreatePersonAsync("Unused Person");
        await (await _pi.DeleteAsync($"/api/v1/people/{unused.Id()}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _pi.GetAsync($"/api/v1/people/{unused.Id()}")).ShouldBe(HttpStatusCode.NotFound);

        var proposal = await _pi.CreateProposalAsync();
        var memberId = proposal.GetProperty("members")[0].GetProperty("personId").GetGuid();
        await (await _pi.DeleteAsync($"/api/v1/people/{memberId}")).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_FreeTextMatchesNameAndAffiliation_AndPagingIsBounded()
    {
        var client = api.Investigator(ApiFactory.NewUser());
        await client.CreatePersonAsync("Zhang San");
        await client.CreatePersonAsync("Li Si");

        var byName = await (await client.GetAsync("/api/v1/people?q=zhang")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, byName.GetProperty("totalCount").GetInt32());
        var byAffiliation = await (await client.GetAsync("/api/v1/people?q=beihang&sort=-name")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Zhang San", "Li Si"], byAffiliation.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList());
        await (await client.GetAsync("/api/v1/people?pageSize=1000")).ShouldBeValidationError("pageSize");
    }

    [Theory]
    [InlineData("""{"email":"x@example.org"}""", "name")]
    [InlineData("""{"name":"A","orcid":"0000-0002-1825-0098"}""", "orcid")]
    [InlineData("""{"name":"A","orcid":"12345"}""", "orcid")]
    [InlineData("""{"name":"A","email":"nope"}""", "email")]
    [InlineData("""{"name":"A","affiliations":[{"organisationName":"NUDT","country":"ZZ","kind":"Employment"}]}""", "affiliations[0].country")]
    [InlineData("""{"name":"A","affiliations":[{"country":"CN","kind":"Employment"}]}""", "affiliations[0].organisationName")]
    [InlineData("""{"name":"A","affiliations":[{"organisationName":"NUDT","kind":"Employment","startDate":"2020-01-01","endDate":"2019-01-01"}]}""", "affiliations[0].endDate")]
    [InlineData("""{"name":"A","affiliations":[{"organisationName":"NUDT"}]}""", "affiliations[0].kind")]
    [InlineData("""{"name":"A","visits":[{"hostDepartment":"Physics","startDate":"2027-02-01","endDate":"2027-01-01"}]}""", "visits[0].endDate")]
    [InlineData("""{"name":"A","visits":[{"startDate":"2027-01-01","endDate":"2027-02-01"}]}""", "visits[0].hostDepartment")]
    [InlineData("""{"name":"A","visits":[{"hostDepartment":"Physics","endDate":"2027-02-01"}]}""", "visits[0].startDate")]
    [InlineData("""{"name":"A","talentPrograms":[{"sponsor":"X"}]}""", "talentPrograms[0].programName")]
    [InlineData("""{"name":"A","declarations":{"actingOnForeignGovernmentInstruction":"maybe"}}""", "declarations.actingOnForeignGovernmentInstruction")]
    public async Task Create_InvalidField_Returns400NamingTheField(string json, string field)
    {
        var response = await _pi.PostAsync("/api/v1/people", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationError(field);
    }

    [Fact]
    public async Task Create_AsGrantOfficer_Returns403()
    {
        var officer = api.ClientFor(ApiFactory.NewUser("go"), Roles.GrantOfficer);
        await (await officer.PostAsJsonAsync("/api/v1/people", Builders.Person())).ShouldBe(HttpStatusCode.Forbidden);
    }
}
