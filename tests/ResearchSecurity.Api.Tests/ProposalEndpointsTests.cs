using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ProposalEndpointsTests(ApiFactory api)
{
    private readonly HttpClient _pi = api.Investigator(ApiFactory.NewUser());

    [Fact]
    public async Task Create_ValidProposal_Returns201WithNestedPartnersPeopleFundingAndETag()
    {
        var person = await _pi.CreatePersonAsync();
        var response = await _pi.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal(person.Id()));

        var created = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/proposals/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(created.ETag(), response.Headers.ETag?.ToString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal("Harbin Eng. Univ.", created.GetProperty("partners")[0].GetProperty("name").GetString());
        Assert.Equal("Wang Fang", created.GetProperty("members")[0].GetProperty("personName").GetString());
        Assert.Equal("CNY", created.GetProperty("fundingSources")[0].GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Get_OwnProposal_ReturnsItWithETagHeader()
    {
        var created = await _pi.CreateProposalAsync();
        var response = await _pi.GetAsync($"/api/v1/proposals/{created.Id()}");
        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("title").GetString(), body.GetProperty("title").GetString());
        Assert.Equal(body.ETag(), response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404ProblemDetails()
    {
        var response = await _pi.GetAsync($"/api/v1/proposals/{Guid.NewGuid()}");
        await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_AnotherInvestigatorsProposal_Returns404NotForbidden()
    {
        var created = await _pi.CreateProposalAsync();
        var other = api.Investigator(ApiFactory.NewUser());
        await (await other.GetAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_WithCurrentETag_ChangesTitleKeepsPartnerIdAndMovesETag()
    {
        var created = await _pi.CreateProposalAsync();
        var partner = created.GetProperty("partners")[0];
        var body = new
        {
            title = "Atom interferometry (revised)",
            technologyAreas = new[] { "quantum" },
            partners = new[] { new { id = partner.Id(), name = "Harbin Engineering University", country = "CN", role = "Partner" } },
        };
        var response = await _pi.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", body, created.ETag());

        var updated = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Atom interferometry (revised)", updated.GetProperty("title").GetString());
        Assert.Equal(partner.Id(), updated.GetProperty("partners")[0].Id());
        Assert.Equal("Harbin Engineering University", updated.GetProperty("partners")[0].GetProperty("name").GetString());
        Assert.NotEqual(created.ETag(), updated.ETag());
        // Members and funding were left out of the body, so they are untouched.
        Assert.Equal(1, updated.GetProperty("members").GetArrayLength());
        Assert.Equal(1, updated.GetProperty("fundingSources").GetArrayLength());
    }

    [Fact]
    public async Task Update_WithStaleETag_Returns412AndKeepsCurrentVersion()
    {
        var created = await _pi.CreateProposalAsync();
        var first = await _pi.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", new { title = "First edit" }, created.ETag());
        await first.ShouldBe(HttpStatusCode.OK);

        var stale = await _pi.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", new { title = "Lost edit" }, created.ETag());
        await stale.ShouldBe(HttpStatusCode.PreconditionFailed);

        var current = await (await _pi.GetAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("First edit", current.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Returns428()
    {
        var created = await _pi.CreateProposalAsync();
        var response = await _pi.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", new { title = "No precondition" }, etag: null);
        await response.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Update_ConcurrentEditsWithSameETag_OneSucceedsOtherGets412()
    {
        var created = await _pi.CreateProposalAsync();
        var url = $"/api/v1/proposals/{created.Id()}";
        var results = await Task.WhenAll(
            _pi.PutJsonWithETag(url, new { title = "Edit A" }, created.ETag()),
            _pi.PutJsonWithETag(url, new { title = "Edit B" }, created.ETag()));
        var codes = results.Select(r => r.StatusCode).OrderBy(c => c).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], codes);
    }

    [Fact]
    public async Task Update_ByMemberWhoIsNotOwner_Returns403()
    {
        var memberUser = ApiFactory.NewUser();
        var person = await _pi.CreatePersonAsync("Member Person", userId: memberUser);
        var created = await (await _pi.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal(person.Id()))).ShouldBe(HttpStatusCode.Created);
        var member = api.Investigator(memberUser);

        await (await member.GetAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.OK);
        var response = await member.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", new { title = "Member edit" }, created.ETag());
        await response.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_Draft_Returns204ThenGetReturns404()
    {
        var created = await _pi.CreateProposalAsync();
        await (await _pi.DeleteAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.NoContent);
        await (await _pi.GetAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_SubmittedProposal_Returns409BecauseItIsEvidence()
    {
        var created = await _pi.CreateProposalAsync();
        await (await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await (await _pi.DeleteAsync($"/api/v1/proposals/{created.Id()}")).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submit_Draft_BecomesSubmittedAndSecondSubmitIs409()
    {
        var created = await _pi.CreateProposalAsync();
        var submitted = await (await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKindNull, submitted.GetProperty("submittedAt").ValueKind);

        var again = await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null);
        var problem = await again.ShouldBe(HttpStatusCode.Conflict);
        Assert.Contains("Submitted", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Submit_AfterTheWorkerStoredTheDraftsRisk_SucceedsWithTheETagReadBeforeAndKeepsTheRisk()
    {
        // The worker screens a draft's new person and stores the risk on the proposal row while the PI is on the
        // review step; the PI changed nothing the worker touched, so the ETag read before is still current.
        var created = await _pi.CreateProposalAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            var stored = await db.Proposals.SingleAsync(p => p.Id == created.Id());
            stored.SetRisk(RiskLevel.High, "stored by the worker");
            await db.SaveChangesAsync();
        }

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/proposals/{created.Id()}/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", created.ETag());
        var submitted = await (await _pi.SendAsync(submit)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.NotEqual(created.ETag(), submitted.ETag());
        await using var check = api.Services.CreateAsyncScope();
        var after = await check.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>().Proposals.AsNoTracking()
            .SingleAsync(p => p.Id == created.Id());
        Assert.Equal(RiskLevel.High, after.RiskLevel);
    }

    [Fact]
    public async Task Submit_WithoutPeople_Returns409()
    {
        var created = await _pi.CreateProposalAsync(withPerson: false);
        await (await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Withdraw_Submitted_BecomesWithdrawnAndCannotBeEdited()
    {
        var created = await _pi.CreateProposalAsync();
        await (await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var withdrawn = await (await _pi.PostAsJsonAsync($"/api/v1/proposals/{created.Id()}/withdraw", new { reason = "Partner declined" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());

        var edit = await _pi.PutJsonWithETag($"/api/v1/proposals/{created.Id()}", new { title = "After withdrawal" }, withdrawn.ETag());
        await edit.ShouldBe(HttpStatusCode.Conflict);
        await (await _pi.PostAsync($"/api/v1/proposals/{created.Id()}/withdraw", null)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_WithSameIdempotencyKeyTwice_CreatesOneProposalAndReplaysTheAnswer()
    {
        var user = ApiFactory.NewUser();
        var client = api.Investigator(user);
        var body = Builders.Proposal(title: "Idempotent proposal");
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/proposals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await (await Post()).ShouldBe(HttpStatusCode.Created);
        var retry = await Post();
        var replayed = await retry.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(first.Id(), replayed.Id());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());

        var list = await (await client.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Create_ConcurrentRetriesWithSameIdempotencyKey_CreateOneProposal()
    {
        var user = ApiFactory.NewUser();
        var client = api.Investigator(user);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/proposals") { Content = JsonContent.Create(Builders.Proposal(title: "Raced")) };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var list = await (await client.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Create_IdempotencyKeyReusedWithDifferentBody_Returns422()
    {
        var key = Guid.NewGuid().ToString();
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/proposals") { Content = JsonContent.Create(Builders.Proposal(title: "One")) };
        first.Headers.Add("Idempotency-Key", key);
        await (await _pi.SendAsync(first)).ShouldBe(HttpStatusCode.Created);
        var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/proposals") { Content = JsonContent.Create(Builders.Proposal(title: "Two")) };
        second.Headers.Add("Idempotency-Key", key);
        await (await _pi.SendAsync(second)).ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("""{"technologyAreas":["quantum"]}""", "title")]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"title":"x","technologyAreas":["time-travel"]}""", "technologyAreas[0]")]
    [InlineData("""{"title":"x","plannedStart":"2027-06-01","plannedEnd":"2027-01-01"}""", "plannedEnd")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang University","country":"China","role":"Partner"}]}""", "partners[0].country")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang University","country":"cn","role":"Partner"}]}""", "partners[0].country")]
    [InlineData("""{"title":"x","partners":[{"country":"CN","role":"Partner"}]}""", "partners[0].name")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang","country":"CN"}]}""", "partners[0].role")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang","country":"CN","role":"Partner","contactEmail":"not-an-email"}]}""", "partners[0].contactEmail")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang","country":"CN","role":"Partner","website":"ftp://buaa"}]}""", "partners[0].website")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang","country":"CN","role":"Partner","contactPhone":"call me"}]}""", "partners[0].contactPhone")]
    [InlineData("""{"title":"x","partners":[{"name":"Beihang","country":"CN","role":"Overlord"}]}""", "partners[0].role")]
    [InlineData("""{"title":"x","members":[{"role":"Student"}]}""", "members[0].personId")]
    [InlineData("""{"title":"x","members":[{"personId":"6f1f7d3e-6b1a-4d8e-9a43-1d2c3b4a5f60","role":"Student"}]}""", "members[0].personId")]
    [InlineData("""{"title":"x","fundingSources":[{"funderName":"NSFC","country":"CN","amount":100,"currency":"XYZ"}]}""", "fundingSources[0].currency")]
    [InlineData("""{"title":"x","fundingSources":[{"funderName":"NSFC","country":"CN","amount":100}]}""", "fundingSources[0].currency")]
    [InlineData("""{"title":"x","fundingSources":[{"funderName":"NSFC","country":"CN"}]}""", "fundingSources[0].inKindDescription")]
    [InlineData("""{"title":"x","fundingSources":[{"funderName":"NSFC","country":"CN","amount":-5,"currency":"CNY"}]}""", "fundingSources[0].amount")]
    [InlineData("""{"title":"x","plannedStart":"not a date"}""", "plannedStart")]
    public async Task Create_InvalidField_Returns400NamingTheField(string json, string field)
    {
        var response = await _pi.PostAsync("/api/v1/proposals", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationError(field);
    }

    [Fact]
    public async Task Create_TitleOver300Characters_Returns400NamingTitle()
    {
        var response = await _pi.PostAsJsonAsync("/api/v1/proposals", new { title = new string('x', 301) });
        var problem = await response.ShouldBeValidationError("title");
        Assert.Contains("300", problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400()
    {
        var response = await _pi.PostAsync("/api/v1/proposals", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_BodyOverLimit_Returns413WithReason()
    {
        var response = await _pi.PostAsJsonAsync("/api/v1/proposals", new { title = "x", summary = new string('y', 70_000) });
        var problem = await response.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task List_PagesWithinBoundsAndReportsTotal()
    {
        var client = api.Investigator(ApiFactory.NewUser());
        for (var i = 0; i < 5; i++) await client.CreateProposalAsync(withPerson: false, title: $"Paged proposal {i}");

        var page = await (await client.GetAsync("/api/v1/proposals?page=2&pageSize=2&sort=title")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        var titles = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Paged proposal 2", "Paged proposal 3"], titles);

        var beyond = await (await client.GetAsync("/api/v1/proposals?page=10&pageSize=2")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=owner", "sort")]
    [InlineData("country=XX", "country")]
    public async Task List_InvalidPagingOrFilter_Returns400NamingTheParameter(string query, string field)
    {
        await (await _pi.GetAsync($"/api/v1/proposals?{query}")).ShouldBeValidationError(field);
    }

    [Fact]
    public async Task List_FiltersByStatusCountryTechnologyAreaAndFreeText()
    {
        var client = api.Investigator(ApiFactory.NewUser());
        var draft = await client.CreateProposalAsync(title: "Hypersonic materials study");
        var submitted = await client.CreateProposalAsync(title: "Climate sensor network");
        await (await client.PostAsync($"/api/v1/proposals/{submitted.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);

        async Task<List<Guid>> Ids(string query) =>
            (await (await client.GetAsync($"/api/v1/proposals?{query}")).ShouldBe(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();

        Assert.Equal([submitted.Id()], await Ids("status=Submitted"));
        Assert.Equal([draft.Id()], await Ids("q=HYPERSONIC"));
        Assert.Equal(2, (await Ids("q=harbin eng")).Count); // partner name, normalised
        Assert.Equal(2, (await Ids("country=CN&technologyArea=quantum")).Count);
        Assert.Empty(await Ids("country=US"));
        Assert.Empty(await Ids("technologyArea=biotech"));
    }

    [Fact]
    public async Task List_AsReviewer_SeesSubmittedButNotDrafts()
    {
        var draft = await _pi.CreateProposalAsync(title: "Reviewer cannot see this draft");
        var submitted = await _pi.CreateProposalAsync(title: "Reviewer sees this");
        await (await _pi.PostAsync($"/api/v1/proposals/{submitted.Id()}/submit", null)).ShouldBe(HttpStatusCode.OK);
        var reviewer = api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);

        await (await reviewer.GetAsync($"/api/v1/proposals/{submitted.Id()}")).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.GetAsync($"/api/v1/proposals/{draft.Id()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
