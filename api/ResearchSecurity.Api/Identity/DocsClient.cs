using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// The Scalar page's client (<c>/scalar/v1</c>): public, authorization code with PKCE, redirecting back to the page.
/// Development only: it exists so a developer can try the API signed in as a seeded user; production has no such client.
/// </summary>
public static class DocsClient
{
    public const string ClientId = "rs-docs";

    public static readonly IReadOnlyList<string> Scopes = [OpenIddictConstants.Scopes.OpenId, AuthScopes.Api];

    public static Uri RedirectUri(Uri issuer) => new(issuer, "scalar/v1");

    public static OpenIddictApplicationDescriptor Descriptor(Uri issuer)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "ResearchSecurity API reference (Scalar, Development)",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + AuthScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.Add(RedirectUri(issuer));
        return descriptor;
    }
}
