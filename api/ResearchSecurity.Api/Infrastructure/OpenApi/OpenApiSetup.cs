using Scalar.AspNetCore;

namespace ResearchSecurity.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and the Scalar page at /scalar: every transformer is registered here,
/// so the document's shape is decided in one place.
/// </summary>
public static class OpenApiSetup
{
    public static void AddResearchSecurityOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<StringSchemaTransformer>();
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<OperationSummaryRequiredTransformer>();
            o.AddOperationTransformer<OperationSecurityTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddOperationTransformer<RequestExampleTransformer>();
        });

    public static void MapResearchSecurityOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o =>
        {
            o.Title = "ResearchSecurity API";
            // Sign-in from the page: the public docs client, seeded in Development only (see IdentitySeeder).
            if (!app.Environment.IsDevelopment()) return;
            var issuer = new Uri(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Identity.AuthOptions>>().Value.Issuer);
            o.AddPreferredSecuritySchemes(ApiDocumentTransformer.OAuth2Scheme)
                .AddAuthorizationCodeFlow(ApiDocumentTransformer.OAuth2Scheme, flow => flow
                    .WithClientId(Identity.DocsClient.ClientId)
                    .WithPkce(Pkce.Sha256)
                    .WithRedirectUri(Identity.DocsClient.RedirectUri(issuer).ToString())
                    .WithSelectedScopes(Identity.DocsClient.Scopes));
        }).AllowAnonymous();
    }
}
