using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Idempotent seeding of roles, OIDC clients and (for local runs) one user per role. It runs once per host start,
/// in the migration step, so parallel test classes sharing a host never race to create the same client.
/// Existing clients and users are left as they are: secrets and passwords are printed only when created.
/// </summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles, UserManager<ApplicationUser> users, IOpenIddictApplicationManager applications,
    IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<IdentitySeeder> logger)
{
    /// <summary>The local run's users: sign-in name and role. Passwords: RS_SEED_PASSWORD_&lt;NAME&gt;, RS_SEED_PASSWORD, or generated.</summary>
    public static readonly IReadOnlyList<(string UserName, string Role)> DevelopmentUsers =
    [
        ("investigator", Roles.Investigator),
        ("investigator2", Roles.Investigator),
        ("reviewer", Roles.IntegrityReviewer),
        ("reviewer2", Roles.IntegrityReviewer), // the second pair of eyes a high-risk decision waits for
        ("grant-officer", Roles.GrantOfficer),
        ("administrator", Roles.Administrator),
        ("auditor", Roles.Auditor),
    ];

    public async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) (await roles.CreateAsync(new IdentityRole(role))).ThrowIfFailed();
        }
    }

    /// <param name="output">Where a generated client secret is printed; without it, a client lacking a configured secret is skipped.</param>
    public async Task SeedClientsAsync(TextWriter? output)
    {
        var auth = options.Value;
        if (await applications.FindByClientIdAsync(auth.WebClient.ClientId) is null)
        {
            var web = new OpenIddictApplicationDescriptor
            {
                ClientId = auth.WebClient.ClientId,
                ClientSecret = auth.WebClient.ClientSecret,
                ClientType = auth.WebClient.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "ResearchSecurity web",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + AuthScopes.Api,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in auth.WebClient.RedirectUris) web.RedirectUris.Add(new Uri(uri));
            foreach (var uri in auth.WebClient.PostLogoutRedirectUris) web.PostLogoutRedirectUris.Add(new Uri(uri));
            await applications.CreateAsync(web);
            logger.LogInformation("Created OIDC client {ClientId}", web.ClientId);
        }

        if (environment.IsDevelopment()) await SeedDocsClientAsync(new Uri(auth.Issuer));

        var integration = auth.IntegrationClient;
        if (await applications.FindByClientIdAsync(integration.ClientId) is null)
        {
            var secret = integration.ClientSecret;
            if (secret is null && output is null)
            {
                logger.LogWarning("OIDC client {ClientId} not created: Auth:IntegrationClient:ClientSecret is not set", integration.ClientId);
                return;
            }
            secret ??= NewSecret();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = integration.ClientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = integration.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in integration.Scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            await applications.CreateAsync(descriptor);
            if (output is not null && integration.ClientSecret is null)
                await output.WriteLineAsync($"  client {integration.ClientId} (scopes: {string.Join(' ', integration.Scopes)}) secret: {secret}   <- shown once");
        }
    }

    /// <summary>Development only. Its redirect URI follows the issuer (the API port), so an existing client is brought in step.</summary>
    private async Task SeedDocsClientAsync(Uri issuer)
    {
        var wanted = DocsClient.Descriptor(issuer);
        var existing = await applications.FindByClientIdAsync(DocsClient.ClientId);
        if (existing is null)
        {
            await applications.CreateAsync(wanted);
            logger.LogInformation("Created OIDC client {ClientId}", DocsClient.ClientId);
            return;
        }
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing);
        if (current.RedirectUris.SetEquals(wanted.RedirectUris)) return;
        await applications.UpdateAsync(existing, wanted);
    }

    public async Task SeedUsersAsync(TextWriter output)
    {
        await output.WriteLineAsync("Seeded sign-in names (password shown only when the user is created):");
        foreach (var (userName, role) in DevelopmentUsers)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is not null)
            {
                await output.WriteLineAsync($"  {userName,-14} {role,-18} (exists; password unchanged)");
                continue;
            }
            var fromEnvironment = Environment.GetEnvironmentVariable($"RS_SEED_PASSWORD_{userName.Replace('-', '_').ToUpperInvariant()}")
                ?? Environment.GetEnvironmentVariable("RS_SEED_PASSWORD");
            var password = fromEnvironment ?? NewPassword();
            user = new ApplicationUser { UserName = userName, Email = $"{userName}@researchsecurity.local", EmailConfirmed = true };
            (await users.CreateAsync(user, password)).ThrowIfFailed();
            (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
            await output.WriteLineAsync(fromEnvironment is null
                ? $"  {userName,-14} {role,-18} password: {password}"
                : $"  {userName,-14} {role,-18} password: from environment");
        }
    }

    /// <summary>Random, and always satisfies the password policy (length, digit, upper and lower case).</summary>
    internal static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_') + "-Rs1a";

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
}
