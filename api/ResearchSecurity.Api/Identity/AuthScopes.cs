using System.Security.Claims;
using OpenIddict.Abstractions;

namespace ResearchSecurity.Api.Identity;

/// <summary>API scopes. User tokens are governed by roles; client-credential tokens only by these scopes.</summary>
public static class AuthScopes
{
    /// <summary>General API access requested by the web app on behalf of a user.</summary>
    public const string Api = "api";

    /// <summary>Read funding sources of all proposals (grant-management integrations).</summary>
    public const string FundingRead = "funding.read";

    public static readonly IReadOnlyList<string> All = [Api, FundingRead];

    /// <summary>True when the caller's access token was granted <paramref name="scope"/>.</summary>
    public static bool HasApiScope(this ClaimsPrincipal principal, string scope) =>
        principal.HasScope(scope)
        || principal.FindAll(OpenIddictConstants.Claims.Scope).Any(c => c.Value.Split(' ').Contains(scope));
}
