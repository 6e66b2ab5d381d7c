using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Users (ASP.NET Core Identity), the OpenID Connect server (OpenIddict) and the API's authentication schemes.
/// API calls authenticate with a bearer access token; the development header scheme is added only where
/// <see cref="ApiOptions.EnableDevelopmentAuthentication"/> is allowed, and only for requests that carry its header.
/// </summary>
public static class IdentitySetup
{
    /// <summary>Default scheme: picks the development scheme or OpenIddict validation per request.</summary>
    public const string ApiScheme = "Api";

    public static AuthOptions AddResearchSecurityIdentity(this WebApplicationBuilder builder, string connectionString)
    {
        var env = builder.Environment;
        var isLocal = env.IsDevelopment() || env.IsEnvironment("Testing");
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            // ValidateDataAnnotations checks top-level properties only; the nested settings carry their own ranges.
            .Validate(o => new object[] { o.WebClient, o.IntegrationClient, o.RateLimit, o.Lockout }.All(IsValid),
                "Auth:WebClient, Auth:IntegrationClient, Auth:RateLimit or Auth:Lockout has a value out of range.")
            .Validate(o => !o.UseEphemeralKeys || env.IsEnvironment("Testing"), "Auth:UseEphemeralKeys is allowed in the Testing environment only.")
            .Validate(o => isLocal || (o.SigningCertificate?.Path is not null && o.EncryptionCertificate?.Path is not null),
                "Auth:SigningCertificate:Path and Auth:EncryptionCertificate:Path are required outside Development and Testing.")
            .Validate(o => isLocal || o.Issuer.StartsWith("https://", StringComparison.Ordinal), "Auth:Issuer must be https outside Development and Testing.")
            .Validate(o => o.WebClient.RedirectUris.Length > 0, "Auth:WebClient:RedirectUris needs at least one URI.")
            .Validate(o => o.IntegrationClient.Scopes.All(AuthScopes.All.Contains), "Auth:IntegrationClient:Scopes may only name API scopes.")
            .Validate(o => o.External.GroupRoles.Values.All(Roles.All.Contains), "Auth:External:GroupRoles may only map to the five product roles.")
            .Validate(o => !o.External.Enabled || !string.IsNullOrWhiteSpace(o.External.ClientId), "Auth:External:ClientId is required when Authority is set.")
            .ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        builder.Services.AddDbContext<ApplicationIdentityDbContext>(o => ApplicationIdentityDbContext.Configure(o, connectionString));
        builder.Services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.Lockout.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = auth.Lockout.Duration;
                o.User.RequireUniqueEmail = false;
                // Tokens carry these claim types; keep Identity's own principal consistent with them.
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.Name;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationIdentityDbContext>()
            .AddUserManager<RevokingUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<TokenPrincipalFactory>();
        builder.Services.AddTokenRevocation(builder.Configuration);
        builder.Services.AddSingleton(new ExternalRoleMapping(auth.External));

        var authentication = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = ApiScheme;
            o.DefaultChallengeScheme = ApiScheme;
            o.DefaultForbidScheme = ApiScheme;
        });
        // The development scheme exists only in Development and Testing, and is chosen only when Api options enable it
        // (validated once, in ApiOptionsSetup) and the request carries its header.
        authentication.AddPolicyScheme(ApiScheme, "API bearer token", o => o.ForwardDefaultSelector = http =>
            // A request carrying a bearer token is judged by that token alone, whatever development headers come with it.
            isLocal && http.Request.Headers.ContainsKey(DevelopmentAuthenticationHandler.UserHeader)
                && !http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
                && http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.EnableDevelopmentAuthentication
                ? DevelopmentAuthenticationHandler.SchemeName
                : OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (isLocal)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        }
        // The sign-in cookie is used only by the sign-in page and the authorize endpoint, never by API calls.
        authentication.AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInEndpoints.SignInPath;
            o.Cookie.Name = "rs.signin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        if (auth.External.Enabled) ExternalSignIn.AddProvider(authentication, auth.External, isLocal);

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ApplicationIdentityDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(auth.Issuer))
                    .SetAuthorizationEndpointUris(OidcEndpoints.Authorize)
                    .SetTokenEndpointUris(OidcEndpoints.Token)
                    .SetUserInfoEndpointUris(OidcEndpoints.UserInfo)
                    .SetEndSessionEndpointUris(OidcEndpoints.EndSession)
                    .SetRevocationEndpointUris(OidcEndpoints.Revocation)
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, AuthScopes.Api, AuthScopes.FundingRead)
                    .SetAccessTokenLifetime(auth.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(auth.RefreshTokenLifetime)
                    // Rolling refresh tokens: a used refresh token is refused at once (no concurrency grace period).
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero)
                    // Plain signed JWTs, so the API (and any other resource server) can read them with the JWKS alone.
                    .DisableAccessTokenEncryption();
                TokenKeys.Configure(o, auth, env);
                // PKCE with S256 only: "plain" would let an intercepted authorization request redeem the code.
                o.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AddEventHandler(RevocationEndsUserTokens.Descriptor);
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                // Local runs and tests are plain http; production terminates TLS and OpenIddict insists on https.
                if (isLocal) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(auth.Audience);
                o.AddEventHandler(RevokedTokenRejecter.Descriptor);
            });

        builder.Services.AddAntiforgery(o => o.Cookie.Name = "rs.antiforgery");
        builder.Services.AddAuthRateLimiting(auth.RateLimit);
        return auth;
    }

    private static bool IsValid(object settings) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(settings, new(settings), null, validateAllProperties: true);

    /// <summary>Applies the identity migrations and seeds roles and OIDC clients (and, on request, one user per role).</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, bool seedUsers)
    {
        // Well-known sign-in names with printed passwords belong on a developer's machine, never in production.
        if (seedUsers && !services.GetRequiredService<IHostEnvironment>().IsDevelopment())
            throw new InvalidOperationException("--seed-users is for local runs (Development environment) only.");
        await services.GetRequiredService<ApplicationIdentityDbContext>().Database.MigrateAsync();
        var seeder = ActivatorUtilities.CreateInstance<IdentitySeeder>(services);
        await seeder.SeedRolesAsync();
        // Only the operator's --seed-users run prints generated secrets and passwords (once, on creation).
        await seeder.SeedClientsAsync(seedUsers ? Console.Out : null);
        if (seedUsers) await seeder.SeedUsersAsync(Console.Out);
    }

    public static void MapResearchSecurityIdentity(this WebApplication app)
    {
        app.MapOidcEndpoints();
        app.MapSignInEndpoints();
    }
}
