using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>Section "Auth:Revocation".</summary>
public sealed class RevocationOptions
{
    public const string Section = "Auth:Revocation";

    /// <summary>How long a user's current stamp is remembered: the longest a revoked token can still be used.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Revocation that takes effect on access tokens, not only at the next refresh. Every user access token carries a
/// digest of the user's security stamp (<see cref="StampClaim"/>). Locking a user, changing their roles, signing out
/// and revoking one of their tokens all change the stamp; each API request compares the token's digest with the
/// user's current one (remembered for <see cref="RevocationOptions.CacheFor"/>, and forgotten at once by this process
/// when it makes the change), so the old token stops working within seconds. A deleted or locked user has no stamp.
/// </summary>
public sealed class UserTokenState(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<RevocationOptions> options)
{
    public const string StampClaim = "rs_stamp";

    private sealed record State(string? Stamp);

    /// <summary>Short digest of a security stamp: tokens reveal nothing of the stamp itself.</summary>
    public static string Digest(string? securityStamp) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? string.Empty)))[..16];

    /// <summary>The digest a token of <paramref name="userId"/> must carry now; null when the user may not use tokens.</summary>
    public async ValueTask<string?> CurrentDigestAsync(string userId)
    {
        if (cache.TryGetValue(Key(userId), out State? known)) return known!.Stamp;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        var usable = user is not null && !await users.IsLockedOutAsync(user);
        var state = new State(usable ? Digest(await users.GetSecurityStampAsync(user!)) : null);
        if (options.Value.CacheFor > TimeSpan.Zero) cache.Set(Key(userId), state, options.Value.CacheFor);
        return state.Stamp;
    }

    /// <summary>Ends every access token of the user: a new stamp (which <see cref="RevokingUserManager"/> makes this process forget).</summary>
    public static async Task RevokeAllAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        await users.UpdateSecurityStampAsync(user);
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "rs-token-state:" + userId;
}

/// <summary>Refuses a user access token whose stamp digest is not the user's current one.</summary>
public sealed class RevokedTokenRejecter(UserTokenState state) : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ProcessAuthenticationContext>()
            .UseSingletonHandler<RevokedTokenRejecter>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.IsRejected || context.AccessTokenPrincipal is not { } principal) return;
        var subject = principal.GetClaim(Claims.Subject);
        // Client-credentials tokens: the client is its own subject and has no user stamp.
        if (subject is null || subject == principal.GetClaim(Claims.ClientId)) return;
        var carried = principal.GetClaim(UserTokenState.StampClaim);
        if (carried is null || carried != await state.CurrentDigestAsync(subject))
            context.Reject(Errors.InvalidToken, "The token was revoked (the user was locked, changed or signed out).");
    }
}

/// <summary>Revoking one of a user's tokens at /connect/revoke ends all of that user's access tokens too.</summary>
public sealed class RevocationEndsUserTokens(IServiceScopeFactory scopes)
    : IOpenIddictServerHandler<OpenIddictServerEvents.HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleRevocationRequestContext>()
            .UseSingletonHandler<RevocationEndsUserTokens>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.HandleRevocationRequestContext context)
    {
        if (context.IsRejected || context.GenericTokenPrincipal?.GetClaim(Claims.Subject) is not { } subject) return;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(subject) is { } user) await UserTokenState.RevokeAllAsync(users, user);
    }
}

public static class TokenRevocationSetup
{
    public static void AddTokenRevocation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddOptions<RevocationOptions>().Bind(configuration.GetSection(RevocationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserTokenState>();
        services.AddSingleton<RevokedTokenRejecter>();
        services.AddSingleton<RevocationEndsUserTokens>();
    }
}
