using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ResearchSecurity.Api.Client;
using ResearchSecurity.Api.Client.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Auth;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.ClientTests;

/// <summary>
/// The C# client Kiota generates from api/openapi/v1.json (at build time, see the project file) talks to the real API:
/// it signs in the way a client would (authorization code + PKCE, or client credentials), calls typed operations
/// and gets typed answers, including the documented problem details.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientTests(ApiFactory api)
{
    [Fact]
    public async Task GeneratedClient_SignedInInvestigator_CreatesAPersonAndReadsItBack()
    {
        var oidc = new OidcTestClient(api);
        var user = await oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await oidc.SignInWithCodeAsync(user.UserName!);
        var client = ClientWith(tokens.GetProperty("access_token").GetString()!);

        var created = await client.Api.V1.People.PostAsync(new PersonRequest
        {
            Name = "Ada Lovelace",
            Email = "ada.lovelace@example.edu",
            Affiliations = [new AffiliationRequest { OrganisationName = "University of London", Country = "GB", Kind = AffiliationKind.Employment }],
        });

        Assert.NotNull(created?.Id);
        var read = await client.Api.V1.People[created.Id.Value].GetAsync();
        Assert.Equal("Ada Lovelace", read?.Name);
        var affiliation = Assert.Single(read!.Affiliations!);
        Assert.Equal("University of London", affiliation.OrganisationName);
        Assert.Equal(AffiliationKind.Employment, affiliation.Kind);
    }

    [Fact]
    public async Task GeneratedClient_IntegrationWithClientCredentials_ReadsFundingButIsRefusedPeople()
    {
        var tokens = await new OidcTestClient(api).ClientCredentialsAsync("funding.read");
        var client = ClientWith(tokens.GetProperty("access_token").GetString()!);

        var page = await client.Api.V1.FundingSources.GetAsync(c => c.QueryParameters.PageSize = 5);
        Assert.NotNull(page?.Items);

        // The document says 403 answers problem details; the client raises them as its typed error.
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.V1.People.GetAsync());
        Assert.Equal(403, refused.ResponseStatusCode);
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task GeneratedClient_SignedInThroughTheScalarDocsClient_ListsTechnologyAreas()
    {
        // The docs client exists only in Development; seed it as a Development start would, into this host's own database.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var development = new HostingEnvironment { EnvironmentName = Environments.Development };
            await ActivatorUtilities.CreateInstance<IdentitySeeder>(scope.ServiceProvider, (IHostEnvironment)development).SeedClientsAsync(null);
        }
        var oidc = new OidcTestClient(api);
        var user = await oidc.CreateUserAsync(Roles.Auditor);
        var tokens = await oidc.SignInWithCodeAsync(user.UserName!, scope: string.Join(' ', DocsClient.Scopes),
            clientId: DocsClient.ClientId, redirectUri: DocsClient.RedirectUri(new Uri(ApiFactory.Issuer)).ToString());

        var areas = await ClientWith(tokens.GetProperty("access_token").GetString()!).Api.V1.TechnologyAreas.GetAsync();

        Assert.Contains(areas!, a => a.Code == "quantum" && a.IsSensitive == true);
    }

    [Fact]
    public async Task GeneratedClient_WithoutAToken_GetsTheDocumented401Problem()
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: api.CreateClient())
        {
            BaseUrl = api.Server.BaseAddress.ToString().TrimEnd('/'),
        };

        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => new ResearchSecurityApiClient(adapter).Api.V1.TechnologyAreas.GetAsync());

        Assert.Equal(401, refused.ResponseStatusCode);
        Assert.Equal(401, refused.Status);
    }

    private ResearchSecurityApiClient ClientWith(string accessToken)
    {
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(accessToken)),
            httpClient: api.CreateClient()) { BaseUrl = api.Server.BaseAddress.ToString().TrimEnd('/') };
        return new ResearchSecurityApiClient(adapter);
    }

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(token);
    }
}
