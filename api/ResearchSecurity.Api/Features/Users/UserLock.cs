using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>
/// Lock: the user can no longer sign in or redeem refresh tokens (until unlocked). Unlock also clears failed
/// attempts, so it lifts an automatic lockout too.
/// </summary>
public static class UserLock
{
    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetAsync(
        string id, bool locked, UserManager<ApplicationUser> users, ApplicationIdentityDbContext identity, ResearchSecurityDbContext records,
        CurrentUser caller, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return TypedResults.NotFound();
        if (locked && user.Id == caller.Id)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["You cannot lock yourself out."] });

        await using var transaction = await records.BeginSharedTransactionAsync(identity, ct);
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked) result = await users.ResetAccessFailedCountAsync(user);
        // A new security stamp ends the user's sign-in cookie at its next validation.
        if (result.Succeeded && locked) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return UserRoleRules.Problem(result);
        await records.RecordAsync(locked ? AuditEventType.UserLocked : AuditEventType.UserUnlocked, user.Id, null, null, null, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
