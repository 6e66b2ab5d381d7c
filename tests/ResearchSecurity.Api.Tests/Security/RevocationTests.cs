using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Auth;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>Locking, role changes, sign-out and token revocation end API access on the next request, not at expiry.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class RevocationTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);
    private readonly HttpClient _admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);

    [Fact]
    public async Task LockedUser_SameAccessToken_Returns401()
    {
        var (user, tokens) = await SignedInAsync();
        var bearer = _oidc.Bearer(Access(tokens));
        await (await bearer.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);

        await (await _admin.PostAsync($"/api/v1/users/{user}/lock", null)).ShouldBe(HttpStatusCode.NoContent);

        await (await bearer.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RolesChanged_OldAccessToken_Returns401_RefreshedTokenCarriesNewRoles()
    {
        var (user, tokens) = await SignedInAsync();
        await (await _admin.PutAsync($"/api/v1/users/{user}/roles", System.Net.Http.Json.JsonContent.Create(new { roles = new[] { Roles.IntegrityReviewer } })))
            .ShouldBe(HttpStatusCode.OK);

        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
        var refreshed = await _oidc.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        await (await _oidc.Bearer(Access(refreshed)).GetAsync("/api/v1/reviews")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefreshTokenRevoked_AccessTokenReturns401_AndRefreshIsRefused()
    {
        var (_, tokens) = await SignedInAsync();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var revoked = await api.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh, ["token_type_hint"] = "refresh_token", ["client_id"] = OidcTestClient.WebClientId,
        }));
        await revoked.ShouldBe(HttpStatusCode.OK);

        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
        await _oidc.RefreshAsync(refresh, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignOut_EndsAccessAndRefreshTokens()
    {
        var browser = _oidc.Browser();
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!, browser: browser);
        var signOut = await browser.GetAsync("/connect/endsession?id_token_hint=" + tokens.GetProperty("id_token").GetString());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
        await _oidc.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EndSessionWithoutIdTokenHint_AsksForConfirmation_AndPostWithAntiforgerySignsOut()
    {
        var browser = _oidc.Browser();
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!, browser: browser);

        // A link or image on any page: a confirmation page, still signed in.
        var page = await browser.GetAsync("/connect/endsession");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sign out?", html);
        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);

        // A cross-site POST without the antiforgery token does not sign out either.
        var forged = await browser.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);

        var confirmed = await browser.PostAsync("/connect/endsession", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value, ["confirm"] = "yes",
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await (await _oidc.Bearer(Access(tokens)).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Discovery_AdvertisesS256Only()
    {
        var discovery = await (await api.CreateClient().GetAsync("/.well-known/openid-configuration")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task Authorize_PkcePlainOrNoMethod_IsRefused(string? method)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = OidcTestClient.WebClientId, ["response_type"] = "code", ["redirect_uri"] = OidcTestClient.RedirectUri, ["scope"] = "openid",
            ["state"] = "s", ["code_challenge"] = new string('a', 43),
        };
        if (method is not null) query["code_challenge_method"] = method;
        var response = await _oidc.Browser().GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query));
        // OpenIddict answers the client with an error (redirect back with error=…) instead of a sign-in page.
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.False(location.Contains("/account/signin", StringComparison.Ordinal), $"{(int)response.StatusCode} {location}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {location}");
    }

    [Fact]
    public async Task GarbageBearerWithDevelopmentHeaders_Returns401()
    {
        var client = api.ClientFor("someone", Roles.Auditor);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "garbage.garbage.garbage");
        await (await client.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<(string UserId, System.Text.Json.JsonElement Tokens)> SignedInAsync()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        return (user.Id, await _oidc.SignInWithCodeAsync(user.UserName!));
    }

    private static string Access(System.Text.Json.JsonElement tokens) => tokens.GetProperty("access_token").GetString()!;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
