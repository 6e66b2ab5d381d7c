using System.Net;
using System.Net.Http.Json;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class FundingEndpointsTests(ApiFactory api)
{
    private readonly HttpClient _pi = api.Investigator(ApiFactory.NewUser());

    private static object Funding(Guid? proposalId, Guid? personId = null, string funder = "China Scholarship Council") => new
    {
        proposalId, personId, funderName = funder, sponsor = "Ministry of Education", payer = "Harbin Engineering University",
        country = "CN", amount = 12000.50m, currency = "CNY",
    };

    [Fact]
    public async Task CrudOnFundingSource_WorksAndShowsOnProposal()
    {
        var proposal = await _pi.CreateProposalAsync(withPerson: false);
        var response = await _pi.PostAsJsonAsync("/api/v1/funding-sources", Funding(proposal.Id()));
        var created = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Harbin Engineering University", created.GetProperty("payer").GetString());

        var onProposal = await (await _pi.GetAsync($"/api/v1/proposals/{proposal.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, onProposal.GetProperty("fundingSources").GetArrayLength());

        var updated = await (await _pi.PutJsonWithETag($"/api/v1/funding-sources/{created.Id()}",
            Funding(proposal.Id(), funder: "China Scholarship Council (CSC)"), created.ETag())).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("China Scholarship Council (CSC)", updated.GetProperty("funderName").GetString());
        await (await _pi.PutJsonWithETag($"/api/v1/funding-sources/{created.Id()}", Funding(proposal.Id()), created.ETag()))
            .ShouldBe(HttpStatusCode.PreconditionFailed);

        var list = await (await _pi.GetAsync($"/api/v1/funding-sources?proposalId={proposal.Id()}&q=csc")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());

        await (await _pi.DeleteAsync($"/api/v1/funding-sources/{created.Id()}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _pi.GetAsync($"/api/v1/funding-sources/{created.Id()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_LinkedToPerson_Works()
    {
        var person = await _pi.CreatePersonAsync();
        await (await _pi.PostAsJsonAsync("/api/v1/funding-sources", Funding(null, person.Id()))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_LinkedToAnotherInvestigatorsProposal_Returns400()
    {
        var foreign = await api.Investigator(ApiFactory.NewUser()).CreateProposalAsync(withPerson: false);
        await (await _pi.PostAsJsonAsync("/api/v1/funding-sources", Funding(foreign.Id()))).ShouldBeValidationError("proposalId");
    }

    [Fact]
    public async Task GrantOfficer_SeesFundingOfAllProposalsButNotProposals()
    {
        var proposal = await _pi.CreateProposalAsync();
        var fundingId = proposal.GetProperty("fundingSources")[0].Id();
        var officer = api.ClientFor(ApiFactory.NewUser("go"), Roles.GrantOfficer);

        await (await officer.GetAsync($"/api/v1/funding-sources/{fundingId}")).ShouldBe(HttpStatusCode.OK);
        await (await officer.GetAsync($"/api/v1/proposals/{proposal.Id()}")).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Investigator(ApiFactory.NewUser()).GetAsync($"/api/v1/funding-sources/{fundingId}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"funderName":"NSFC","country":"CN","amount":5,"currency":"USD"}""", "proposalId")]
    [InlineData("""{"proposalId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","country":"CN","amount":5,"currency":"USD"}""", "funderName")]
    [InlineData("""{"proposalId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","funderName":"NSFC","country":"CHN","amount":5,"currency":"USD"}""", "country")]
    [InlineData("""{"proposalId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","funderName":"NSFC","country":"CN","amount":5,"currency":"usd"}""", "currency")]
    [InlineData("""{"proposalId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","funderName":"NSFC","country":"CN","amount":"lots","currency":"USD"}""", "amount")]
    [InlineData("""{"proposalId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","funderName":"NSFC","country":"CN","amount":5,"currency":"USD"}""", "proposalId")]
    public async Task Create_InvalidField_Returns400NamingTheField(string json, string field)
    {
        var response = await _pi.PostAsync("/api/v1/funding-sources", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationError(field);
    }
}
