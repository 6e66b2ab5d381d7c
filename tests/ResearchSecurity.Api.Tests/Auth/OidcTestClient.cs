using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

/// <summary>
/// Drives the real OpenID Connect endpoints of the in-process API the way a browser and the web app would:
/// authorize → sign-in form (cookies, antiforgery) → authorize → code → token, with PKCE.
/// </summary>
public sealed partial class OidcTestClient(WebApplicationFactory<Program> factory)
{
    public const string WebClientId = "rs-web";
    public const string RedirectUri = "http://127.0.0.1:5090/signin-oidc";
    public const string Password = "Correct-horse-42";

    /// <summary>A browser: keeps cookies, does not follow redirects so each hop can be checked.</summary>
    public HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<ApplicationUser> CreateUserAsync(string role, string? password = Password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"u{Guid.NewGuid():N}"[..16], Email = "someone@example.edu" };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>Authorization code + PKCE for <paramref name="userName"/> (as the web client unless another is named); returns the token response.</summary>
    public async Task<JsonElement> SignInWithCodeAsync(string userName, string password = Password, string scope = "openid profile roles offline_access api",
        HttpClient? browser = null, string clientId = WebClientId, string redirectUri = RedirectUri)
    {
        browser ??= Browser();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["state"] = "state-123", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

        var toSignIn = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var signInPage = toSignIn.Headers.Location!;
        Assert.StartsWith("/account/signin", signInPage.IsAbsoluteUri ? signInPage.PathAndQuery : signInPage.OriginalString);

        var afterSignIn = await PostSignInFormAsync(browser, signInPage.ToString(), userName, password);
        Assert.Equal(HttpStatusCode.Redirect, afterSignIn.StatusCode);

        var toClient = await browser.GetAsync(afterSignIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(redirectUri, callback.ToString());
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-123", query["state"].ToString());

        return await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"].ToString(), ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId, ["code_verifier"] = verifier,
        }, HttpStatusCode.OK);
    }

    /// <summary>Loads the sign-in page (for its antiforgery token) and posts the form.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient browser, string signInUrl, string userName, string password,
        string? returnUrlOverride = null)
    {
        var page = await browser.GetStringAsync(signInUrl);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["returnUrl"] = returnUrlOverride ?? WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value),
            ["userName"] = userName,
            ["password"] = password,
        };
        return await browser.PostAsync("/account/signin", new FormUrlEncodedContent(form));
    }

    public async Task<JsonElement> TokenAsync(Dictionary<string, string> form, HttpStatusCode expected)
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return await response.ShouldBe(expected);
    }

    public Task<JsonElement> RefreshAsync(string refreshToken, HttpStatusCode expected = HttpStatusCode.OK) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = WebClientId,
    }, expected);

    public Task<JsonElement> ClientCredentialsAsync(string scope, HttpStatusCode expected = HttpStatusCode.OK) => TokenAsync(new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = "rs-grants", ["client_secret"] = ApiFactory.IntegrationClientSecret, ["scope"] = scope,
    }, expected);

    public HttpClient Bearer(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
