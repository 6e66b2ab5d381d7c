using System.Net;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

/// <summary>A host of its own with a small limit, so the shared host's sign-in tests are never throttled.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    public const int Limit = 3;
    protected override int RateLimit => Limit;
}

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task TokenEndpoint_MoreRequestsThanTheLimit_Returns429ProblemDetails()
    {
        var oidc = new OidcTestClient(api);
        for (var i = 0; i < RateLimitedApiFactory.Limit; i++)
        {
            await oidc.ClientCredentialsAsync("funding.read");
        }
        var response = await api.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "rs-grants", ["client_secret"] = ApiFactory.IntegrationClientSecret, ["scope"] = "funding.read",
        }));
        var problem = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task SignInForm_MoreAttemptsThanTheLimit_Returns429()
    {
        var browser = new OidcTestClient(api).Browser();
        for (var i = 0; i < RateLimitedApiFactory.Limit; i++)
        {
            var attempt = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", "nobody", "Wrong-password-1");
            Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        }
        var limited = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", "nobody", "Wrong-password-1");
        await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        // Reading the form is not limited: only posts are.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signin")).StatusCode);
    }
}
