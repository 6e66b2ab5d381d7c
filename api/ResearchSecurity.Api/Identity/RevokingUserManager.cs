using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Identity's user manager, plus: whenever a security stamp changes (lock, role change, sign-out, password change),
/// this process forgets the user's remembered token state at once, so their old access tokens stop working on the
/// next request here rather than after <see cref="RevocationOptions.CacheFor"/>.
/// </summary>
public sealed class RevokingUserManager(IUserStore<ApplicationUser> store, IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher, IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators, ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors,
    IServiceProvider services, ILogger<UserManager<ApplicationUser>> logger, UserTokenState tokenState)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> UpdateSecurityStampAsync(ApplicationUser user)
    {
        var result = await base.UpdateSecurityStampAsync(user);
        tokenState.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(ApplicationUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        tokenState.Forget(user.Id);
        return result;
    }
}
