using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

/// <summary>End to end against the in-process API: real endpoints, real database, real tokens.</summary>
[Collection(ApiCollection.Name)]
public sealed class OidcFlowTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);

    [Fact]
    public async Task AuthorizationCodeWithPkce_SignedInInvestigator_TokenWorksOnProposals()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!);

        var client = _oidc.Bearer(tokens.GetProperty("access_token").GetString()!);
        var created = await (await client.PostAsJsonAsync("/api/v1/proposals", Builders.Proposal())).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(user.Id, created.GetProperty("ownerId").GetString());
        var list = await (await client.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(created.Id(), list.GetProperty("items")[0].Id());
    }

    [Fact]
    public async Task AuthorizationCode_AccessToken_CarriesIssuerAudienceSubjectAndRoles()
    {
        var user = await _oidc.CreateUserAsync(Roles.GrantOfficer);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!);

        var jwt = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(ApiFactory.Issuer, jwt.Issuer);
        Assert.Equal(["rs-api"], jwt.Audiences);
        Assert.Equal(user.Id, jwt.Subject);
        Assert.Equal(Roles.GrantOfficer, jwt.GetClaim("role").Value);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.True(tokens.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task Authorize_WithoutCodeChallenge_IsRefused()
    {
        var browser = _oidc.Browser();
        // No code_challenge: the server requires PKCE and refuses before any sign-in.
        var response = await browser.GetAsync($"/connect/authorize?client_id=rs-web&response_type=code&redirect_uri={Uri.EscapeDataString(OidcTestClient.RedirectUri)}&scope=openid");
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefreshToken_AfterUse_IsRotatedAndTheOldOneRefused()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var first = await _oidc.SignInWithCodeAsync(user.UserName!);
        var oldRefresh = first.GetProperty("refresh_token").GetString()!;

        var second = await _oidc.RefreshAsync(oldRefresh);
        var newRefresh = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(oldRefresh, newRefresh);
        await (await _oidc.Bearer(second.GetProperty("access_token").GetString()!).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);

        var reuse = await _oidc.RefreshAsync(oldRefresh, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefreshToken_ReplayOfAUsedToken_AlsoRevokesItsSuccessor()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var first = await _oidc.SignInWithCodeAsync(user.UserName!);
        var stolen = first.GetProperty("refresh_token").GetString()!;
        var successor = (await _oidc.RefreshAsync(stolen)).GetProperty("refresh_token").GetString()!;

        // A replay means the token leaked: the whole chain is revoked, so the legitimate holder must sign in again.
        await _oidc.RefreshAsync(stolen, HttpStatusCode.BadRequest);
        var refused = await _oidc.RefreshAsync(successor, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefreshToken_UserLockedByAdministrator_IsRefused()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!);
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/lock", null)).ShouldBe(HttpStatusCode.NoContent);

        var refused = await _oidc.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_FundingReadScope_ReadsFundingButNotProposals()
    {
        var tokens = await _oidc.ClientCredentialsAsync("funding.read");
        var jwt = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal("rs-grants", jwt.Subject);
        Assert.Equal("funding.read", jwt.GetClaim("scope").Value);
        Assert.False(tokens.TryGetProperty("refresh_token", out _));

        var pi = api.Investigator(ApiFactory.NewUser());
        var proposal = await pi.CreateProposalAsync(withPerson: false);
        var funding = proposal.GetProperty("fundingSources")[0].Id();

        var integration = _oidc.Bearer(tokens.GetProperty("access_token").GetString()!);
        await (await integration.GetAsync($"/api/v1/funding-sources/{funding}")).ShouldBe(HttpStatusCode.OK);
        await (await integration.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Forbidden);
        await (await integration.GetAsync("/api/v1/people")).ShouldBe(HttpStatusCode.Forbidden);
        await (await integration.PostAsJsonAsync("/api/v1/funding-sources", new { proposalId = proposal.Id(), funderName = "X", country = "DE" }))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotGrantedToTheClient_IsRefused()
    {
        // "api" is a real scope, but only the web client may request it.
        var refused = await _oidc.ClientCredentialsAsync("api", HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", refused.GetProperty("error").GetString());
        Assert.Contains("scope", refused.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_IsRefused()
    {
        var refused = await _oidc.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "rs-grants", ["client_secret"] = "not-the-secret", ["scope"] = "funding.read",
        }, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_AdvertisesEndpointsAndKeys()
    {
        var anonymous = api.CreateClient();
        var discovery = await (await anonymous.GetAsync("/.well-known/openid-configuration")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ApiFactory.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.EndsWith("/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.EndsWith("/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(x => x.GetString()));
        var jwks = await (await anonymous.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery)).ShouldBe(HttpStatusCode.OK);
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task UserInfo_WithAccessToken_ReturnsSubjectNameAndRoles()
    {
        var user = await _oidc.CreateUserAsync(Roles.Auditor);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!);
        var info = await (await _oidc.Bearer(tokens.GetProperty("access_token").GetString()!).GetAsync("/connect/userinfo")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(user.Id, info.GetProperty("sub").GetString());
        Assert.Equal(user.UserName, info.GetProperty("name").GetString());
        Assert.Equal(Roles.Auditor, info.GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task EndSession_WithRegisteredPostLogoutUri_SignsOutAndRedirectsToTheClient()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var browser = _oidc.Browser();
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!, browser: browser);

        // The web app sends the ID token it was given as id_token_hint: no confirmation needed.
        var endSession = await browser.GetAsync("/connect/endsession?client_id=rs-web&post_logout_redirect_uri=" +
            Uri.EscapeDataString("http://127.0.0.1:5090/signout-callback-oidc") + "&id_token_hint=" + tokens.GetProperty("id_token").GetString());
        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        Assert.StartsWith("http://127.0.0.1:5090/signout-callback-oidc", endSession.Headers.Location!.ToString());
        // The sign-in cookie is gone: authorize sends the browser back to the sign-in page.
        var authorize = await browser.GetAsync("/connect/authorize?client_id=rs-web&response_type=code&scope=openid&code_challenge=" +
            new string('a', 43) + "&code_challenge_method=S256&redirect_uri=" + Uri.EscapeDataString(OidcTestClient.RedirectUri));
        Assert.StartsWith("/account/signin", authorize.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
