using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ResearchSecurity.Api.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Document-wide parts: info (licence, contact), a server relative to the host that serves the document, tag
/// descriptions, and the OAuth2 security scheme of the API's own OpenID Connect server (see IdentitySetup).
/// </summary>
internal sealed class ApiDocumentTransformer(IOptions<AuthOptions> auth, IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    /// <summary>Users: authorization code with PKCE. What they may do is decided by their roles.</summary>
    public const string OAuth2Scheme = "oauth2";

    /// <summary>Integrations: client credentials, limited to the scopes the client was granted.</summary>
    public const string ClientCredentialsScheme = "oauth2ClientCredentials";

    /// <summary>Scopes a user-facing client asks for; roles in the token decide what the user may do.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserScopes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Scopes.OpenId] = "Sign the user in (ID token).",
        [Scopes.Profile] = "The user's sign-in name in the ID token.",
        [Scopes.Email] = "The user's e-mail address in the ID token.",
        [Scopes.Roles] = "The user's roles in the ID token (access tokens always carry them).",
        [Scopes.OfflineAccess] = "A refresh token.",
        [AuthScopes.Api] = "Call the API on the user's behalf; the user's roles decide what is allowed.",
    };

    /// <summary>Scopes a machine client may be granted with client credentials.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientScopes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AuthScopes.FundingRead] = "Read the funding sources of all proposals (grant-management integration).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ResearchSecurity API",
            Version = "v1",
            Description = """
                Research-security vetting of joint-research proposals: proposals, people and funding, screening against
                watchlists of military-linked institutions, integrity review and a tamper-evident audit trail.

                - Errors are RFC 7807 problem details (`application/problem+json`); validation errors name each field.
                - Updates need `If-Match` with the ETag last read (428 without it, 412 when stale).
                - Creates accept an `Idempotency-Key`: a retry returns the first answer with `Idempotent-Replayed: true`.
                - Lists page with `page` and `pageSize` (1–100) and sort with `sort` (`-field` for descending).
                - Every call is limited per caller; over the limit the answer is 429 with `Retry-After`.
                """,
            Contact = new OpenApiContact { Name = "ResearchSecurity maintainers" },
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-ResearchSecurity-Proprietary" },
        };
        // Relative, so the document is right on whichever host (or path base) serves it.
        var pathBase = http.HttpContext?.Request.PathBase.Value;
        document.Servers = [new OpenApiServer { Url = string.IsNullOrEmpty(pathBase) ? "/" : pathBase }];

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = ApiTags.Descriptions.TryGetValue(tag.Name ?? "", out var description)
                ? description
                : throw new InvalidOperationException($"OpenAPI tag '{tag.Name}' has no description; add it to {nameof(ApiTags)}.");
        }

        var issuer = new Uri(auth.Value.Issuer);
        var tokenUrl = new Uri(issuer, OidcEndpoints.Token);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OAuth2Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Users sign in at the API's own OpenID Connect server (discovery at `/.well-known/openid-configuration`) "
                + "with authorization code and PKCE (S256 only). Access tokens carry the user's roles, which decide what is allowed.",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(issuer, OidcEndpoints.Authorize),
                    TokenUrl = tokenUrl,
                    RefreshUrl = tokenUrl,
                    Scopes = UserScopes.ToDictionary(),
                },
            },
        };
        document.Components.SecuritySchemes[ClientCredentialsScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Integrations (such as the grant-management system) authenticate as themselves with client credentials; "
                + "their tokens carry no roles, only the scopes granted to the client.",
            Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = tokenUrl, Scopes = ClientScopes.ToDictionary() } },
        };
        return Task.CompletedTask;
    }
}
