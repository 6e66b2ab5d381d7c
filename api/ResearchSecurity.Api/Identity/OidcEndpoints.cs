using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// The OpenID Connect endpoints OpenIddict validates and then passes through to us. Discovery
/// (/.well-known/openid-configuration) and JWKS (/.well-known/jwks) are answered by OpenIddict itself.
/// These are anonymous by design: the protocol authenticates clients and tokens itself.
/// </summary>
public static class OidcEndpoints
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string UserInfo = "connect/userinfo";
    public const string EndSession = "connect/endsession";
    /// <summary>Answered by OpenIddict itself; see <see cref="RevocationEndsUserTokens"/>.</summary>
    public const string Revocation = "connect/revoke";

    public static void MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("OpenID Connect").AllowAnonymous().ExcludeFromDescription();
        group.MapMethods(Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        group.MapPost(Token, TokenAsync);
        group.MapMethods(UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync);
        group.MapMethods(EndSession, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, TokenPrincipalFactory principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            // Back to the sign-in page, which returns here with the same parameters.
            var query = http.Request.HasFormContentType ? QueryString.Create(http.Request.Form) : http.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }
        // First-party client with implicit consent: no consent screen.
        var principal = await principals.ForUserAsync(user, request.GetScopes());
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, TokenPrincipalFactory principals, IOpenIddictApplicationManager applications,
        ResearchSecurityDbContext records)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already authenticated the client and checked the requested scopes against its permissions.
            var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var principal = principals.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(client), request.GetScopes());
            // A machine client acts without a person behind it: every token it receives is in the trail.
            records.Audit(AuditEventType.TokenIssued, "Client", null, null,
                AuditChanges.Of(null, new { ClientId = request.ClientId, Scopes = request.GetScopes().Order(StringComparer.Ordinal).ToList() }),
                "client credentials");
            await records.SaveChangesAsync(http.RequestAborted);
            return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = result.Principal?.GetClaim(Claims.Subject);
            var user = userId is null ? null : await users.FindByIdAsync(userId);
            // A user deleted, locked or disabled since sign-in gets no new tokens.
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
                return Refuse(Errors.InvalidGrant, "The user can no longer sign in.");
            var principal = await principals.ForUserAsync(user, result.Principal!.GetScopes());
            return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<ApplicationUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null) return Refuse(Errors.InvalidToken, "The token's user no longer exists.", challenge: true);

        var principal = result.Principal!;
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName;
            claims[Claims.PreferredUsername] = user.UserName;
        }
        if (principal.HasScope(Scopes.Email)) claims[Claims.Email] = user.Email;
        if (principal.HasScope(Scopes.Roles)) claims[Claims.Role] = await users.GetRolesAsync(user);
        return Results.Ok(claims);
    }

    private static Task<IResult> EndSessionAsync(HttpContext http) => SignOutConfirmation.HandleAsync(http);

    private static IResult Refuse(string error, string description, bool challenge = false)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
        return challenge
            ? Results.Challenge(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme])
            : Results.Forbid(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
