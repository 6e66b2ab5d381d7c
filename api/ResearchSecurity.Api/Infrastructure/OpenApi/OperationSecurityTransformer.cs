using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// Per-operation <c>security</c> read from the endpoint's own authorization metadata (the same policies the
/// authorization middleware evaluates): anonymous endpoints get none; others need a user token (scope <c>api</c>,
/// roles listed in the description), and where every policy also admits a client scope, a client-credentials token
/// with that scope (the second scheme) is the alternative.
/// </summary>
internal sealed class OperationSecurityTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }
        // No authorize data at all means the fallback policy: any signed-in caller.
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync()
            ?? throw new InvalidOperationException("No fallback authorization policy: every endpoint must say who may call it.");
        var access = Access.Of(policy, context.Description);

        var users = new OpenApiSecuritySchemeReference(ApiDocumentTransformer.OAuth2Scheme, context.Document);
        operation.Security = [new OpenApiSecurityRequirement { [users] = [AuthScopes.Api] }];
        if (access.ClientScopes.Count > 0)
        {
            var clients = new OpenApiSecuritySchemeReference(ApiDocumentTransformer.ClientCredentialsScheme, context.Document);
            operation.Security.Add(new OpenApiSecurityRequirement { [clients] = [.. access.ClientScopes] });
        }

        var who = access.Roles switch
        {
            null => "any signed-in user",
            [var role] => $"a user with the role `{role}`",
            var roles => "a user with one of the roles " + string.Join(", ", roles.Select(r => $"`{r}`")),
        };
        if (access.ClientScopes.Count > 0) who += ", or a client token with scope " + string.Join(" and ", access.ClientScopes.Select(s => $"`{s}`"));
        operation.Description = (string.IsNullOrWhiteSpace(operation.Description) ? "" : operation.Description.TrimEnd() + "\n\n") + $"**Access:** {who}.";
    }

    /// <summary>Who the combined policy admits: users with these roles (null = any role), or clients with these scopes.</summary>
    private sealed record Access(IReadOnlyList<string>? Roles, IReadOnlyList<string> ClientScopes)
    {
        public static Access Of(AuthorizationPolicy policy, Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription endpoint)
        {
            IEnumerable<string>? roles = null;
            var clientScopes = new List<string>();
            var clientsAdmitted = true;
            foreach (var requirement in policy.Requirements)
            {
                switch (requirement)
                {
                    case DenyAnonymousAuthorizationRequirement:
                        break;
                    case RolesAuthorizationRequirement r:
                        roles = roles is null ? r.AllowedRoles : roles.Intersect(r.AllowedRoles);
                        clientsAdmitted = false; // client tokens carry no roles
                        break;
                    case RolesOrScopeRequirement r:
                        roles = roles is null ? r.Roles : roles.Intersect(r.Roles);
                        if (!clientScopes.Contains(r.Scope)) clientScopes.Add(r.Scope);
                        break;
                    default:
                        // An assertion or custom requirement cannot be described; say so rather than document it wrongly.
                        throw new InvalidOperationException(
                            $"{endpoint.HttpMethod} /{endpoint.RelativePath}: the OpenAPI document cannot describe the authorization requirement {requirement.GetType().Name}.");
                }
            }
            return new Access(roles?.ToList(), clientsAdmitted ? clientScopes : []);
        }
    }
}
