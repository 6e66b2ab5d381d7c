using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Optional federation with the university's OpenID Connect provider. A first sign-in creates a local user linked
/// to the provider's subject; roles follow the provider's groups on every sign-in (mapped by
/// <see cref="ExternalRoleMapping"/>). An administrator's lock still applies to federated users.
/// </summary>
public static class ExternalSignIn
{
    public const string StartPath = "/account/external";
    private const string CallbackPath = "/account/external/callback";

    public static void AddProvider(AuthenticationBuilder authentication, ExternalProviderSettings settings, bool isLocal) =>
        authentication.AddOpenIdConnect(ExternalProviderSettings.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-university";
            o.SignedOutCallbackPath = "/signout-callback-university";
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.RequireHttpsMetadata = !isLocal;
            o.Scope.Add("email");
            o.Scope.Add("profile");
        });

    public static void Map(RouteGroupBuilder account)
    {
        // Mapped always (so the route table does not depend on configuration); 404 while no provider is configured.
        account.MapGet("/external", (string? returnUrl, IOptions<AuthOptions> auth) =>
        {
            if (!auth.Value.External.Enabled) return Results.NotFound();
            var redirect = $"{CallbackPath}?returnUrl={Uri.EscapeDataString(SignInEndpoints.LocalOrDefault(returnUrl))}";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = redirect }, [ExternalProviderSettings.Scheme]);
        });
        account.MapGet("/external/callback", CallbackAsync);
    }

    private static async Task<IResult> CallbackAsync(string? returnUrl, HttpContext http, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, ExternalRoleMapping mapping, ResearchSecurityDbContext records, IOptions<AuthOptions> auth,
        CancellationToken ct)
    {
        if (!auth.Value.External.Enabled) return Results.NotFound();
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var subject = external.Principal?.FindFirst("sub")?.Value;
        if (!external.Succeeded || subject is null) return Results.LocalRedirect(SignInEndpoints.SignInPath);

        var user = await users.FindByLoginAsync(ExternalProviderSettings.Scheme, subject);
        if (user is null)
        {
            var name = external.Principal!.FindFirst("preferred_username")?.Value ?? external.Principal.FindFirst("email")?.Value ?? $"sso-{subject}";
            user = new ApplicationUser { UserName = name, Email = external.Principal.FindFirst("email")?.Value };
            (await users.CreateAsync(user)).ThrowIfFailed();
            (await users.AddLoginAsync(user, new UserLoginInfo(ExternalProviderSettings.Scheme, subject, ExternalProviderSettings.Scheme))).ThrowIfFailed();
            await records.RecordAsync(AuditEventType.UserCreated, user.Id, null, new { user.UserName, user.Email, Provider = ExternalProviderSettings.Scheme }, null, ct);
        }
        if (await users.IsLockedOutAsync(user))
        {
            await records.RecordAsync(AuditEventType.UserSignInFailed, user.Id, null, null, "locked out (university SSO)", ct);
            return Results.LocalRedirect(SignInEndpoints.SignInPath);
        }

        var wanted = mapping.RolesFor(external.Principal!.Claims);
        var current = await users.GetRolesAsync(user);
        (await users.RemoveFromRolesAsync(user, current.Except(wanted).Where(Roles.All.Contains))).ThrowIfFailed();
        (await users.AddToRolesAsync(user, wanted.Except(current))).ThrowIfFailed();
        if (!current.Order(StringComparer.Ordinal).SequenceEqual(wanted))
            await records.RecordAsync(AuditEventType.UserRolesChanged, user.Id, new { Roles = current }, new { Roles = wanted }, "university SSO groups", ct);
        await records.RecordAsync(AuditEventType.UserSignedIn, user.Id, null, null, "university SSO", ct);

        await signIn.SignInAsync(user, isPersistent: false, ExternalProviderSettings.Scheme);
        return Results.LocalRedirect(SignInEndpoints.LocalOrDefault(returnUrl));
    }

}
