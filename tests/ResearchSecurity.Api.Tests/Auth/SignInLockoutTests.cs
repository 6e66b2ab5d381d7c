using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class SignInLockoutTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var browser = _oidc.Browser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", user.UserName!, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains(SignInEndpoints.InvalidCredentialsMessage, await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", user.UserName!, "Wrong-password-1");
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);

        var right = await OidcTestClient.PostSignInFormAsync(browser, "/account/signin", user.UserName!, OidcTestClient.Password);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync());
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rs.signin=", StringComparison.Ordinal)));

        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsToLocalReturnUrlWithCookie()
    {
        var user = await _oidc.CreateUserAsync(Roles.Auditor);
        var response = await OidcTestClient.PostSignInFormAsync(_oidc.Browser(), "/account/signin?returnUrl=%2Fconnect%2Fauthorize%3Fx%3D1", user.UserName!, OidcTestClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connect/authorize?x=1", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rs.signin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_RedirectsHomeInstead()
    {
        var user = await _oidc.CreateUserAsync(Roles.Auditor);
        var response = await OidcTestClient.PostSignInFormAsync(_oidc.Browser(), "/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F", user.UserName!, OidcTestClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Returns400()
    {
        var user = await _oidc.CreateUserAsync(Roles.Auditor);
        var response = await _oidc.Browser().PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.UserName!, ["password"] = OidcTestClient.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Location"));
    }

    [Fact]
    public async Task ExternalSignIn_NoProviderConfigured_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _oidc.Browser().GetAsync("/account/external?returnUrl=%2F")).StatusCode);
        Assert.DoesNotContain("/account/external", await _oidc.Browser().GetStringAsync("/account/signin"));
    }
}
