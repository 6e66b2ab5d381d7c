using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Auth;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>Bad input answers 400 naming the field, never 500, and is never silently changed.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiFactory api)
{
    private readonly HttpClient _pi = api.Investigator(ApiFactory.NewUser());

    [Fact]
    public async Task NulInAPersonName_Returns400NamingName()
    {
        var response = await _pi.PostAsync("/api/v1/people", Json("""{"name":"Li\u0000Wei","affiliations":[]}"""));
        await response.ShouldBeValidationError("name");
    }

    [Fact]
    public async Task ControlCharacterInANestedField_Returns400NamingItsPath()
    {
        var body = Builders.Proposal() is var p ? System.Text.Json.JsonSerializer.Serialize(p) : "";
        body = body.Replace("\"Harbin Eng. Univ.\"", "\"Harbin\\u0007Eng\"", StringComparison.Ordinal);
        await (await _pi.PostAsync("/api/v1/proposals", Json(body))).ShouldBeValidationError("partners[0].name");
    }

    [Fact]
    public async Task LoneSurrogateOrBidiOverride_Returns400NamingTheField()
    {
        await (await _pi.PostAsync("/api/v1/people", Json("""{"name":"Li \uD800 Wei"}"""))).ShouldBeValidationError("name");
        await (await _pi.PostAsync("/api/v1/people", Json("""{"name":"Li \u202E ieW"}"""))).ShouldBeValidationError("name");
    }

    [Fact]
    public async Task TabAndNewlineInFreeText_AreAccepted()
    {
        var proposal = await _pi.CreateProposalAsync(withPerson: false, title: "Line one\twith a tab");
        Assert.Equal("Line one\twith a tab", proposal.GetProperty("title").GetString());
    }

    [Fact]
    public async Task NulInAQueryParameter_Returns400NamingIt()
    {
        await (await _pi.GetAsync("/api/v1/proposals?q=beihang%00")).ShouldBeValidationError("q");
    }

    [Fact]
    public async Task ControlCharacterInARouteValue_Returns400NotServerError()
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        await (await admin.GetAsync("/api/v1/watchlists/a%07b")).ShouldBeValidationError("path");
    }

    [Theory]
    [InlineData(0.0000001, "CNY")]
    [InlineData(10.005, "USD")]
    [InlineData(100.5, "JPY")]
    public async Task AmountWithMoreDecimalsThanTheCurrency_Returns400NotRounded(double amount, string currency)
    {
        var proposal = await _pi.CreateProposalAsync(withPerson: false);
        var response = await _pi.PostAsJsonAsync("/api/v1/funding-sources", new
        {
            proposalId = proposal.Id(), funderName = "NSFC", country = "CN", amount = (decimal)amount, currency,
        });
        await response.ShouldBeValidationError("amount");
    }

    [Fact]
    public async Task AmountWithTheCurrencysDecimals_IsStoredExactly()
    {
        var proposal = await _pi.CreateProposalAsync(withPerson: false);
        var created = await (await _pi.PostAsJsonAsync("/api/v1/funding-sources", new
        {
            proposalId = proposal.Id(), funderName = "NSFC", country = "CN", amount = 10.25m, currency = "USD",
        })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(10.25m, created.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task SignInWithAHostileReturnUrl_RedirectsHomeNotToTheAttacker(string returnUrl)
    {
        var oidc = new OidcTestClient(api);
        var user = await oidc.CreateUserAsync(Roles.Investigator);
        var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", user.UserName!, OidcTestClient.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
