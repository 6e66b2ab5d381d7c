using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Builds what goes into tokens. Access tokens always carry <c>sub</c> and the user's roles (read fresh from the
/// store on every code and refresh redemption), so <see cref="Infrastructure.CurrentUser"/> and the role policies work
/// unchanged; profile, email and roles reach the ID token only when those scopes were granted.
/// </summary>
public sealed class TokenPrincipalFactory(UserManager<ApplicationUser> users, IOptions<AuthOptions> options)
{
    public async Task<ClaimsPrincipal> ForUserAsync(ApplicationUser user, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            // Checked on every API request (see UserTokenState): a changed stamp ends this token.
            .SetClaim(UserTokenState.StampClaim, UserTokenState.Digest(await users.GetSecurityStampAsync(user)));
        identity.SetScopes(scopes);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(claim => Destinations(claim, scopes));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A machine client: it is its own subject, has no roles, and may do only what its scopes allow.</summary>
    public ClaimsPrincipal ForClient(string clientId, string? displayName, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetScopes(scopes);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() => new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static IEnumerable<string> Destinations(Claim claim, ImmutableArray<string> scopes)
    {
        yield return OpenIddictConstants.Destinations.AccessToken;
        var toIdToken = claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername => scopes.Contains(Scopes.Profile),
            Claims.Email => scopes.Contains(Scopes.Email),
            Claims.Role => scopes.Contains(Scopes.Roles),
            _ => false,
        };
        if (toIdToken) yield return OpenIddictConstants.Destinations.IdentityToken;
    }
}
