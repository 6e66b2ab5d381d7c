using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>A role change that is partly applied: these privileged roles wait for a second administrator.</summary>
public sealed record RoleChangeAwaitingConfirmation(UserResponse User, IReadOnlyList<string> AwaitingConfirmation, string Detail);

/// <summary>
/// Administrator and Auditor are granted by two administrators: the first request is recorded as pending, and the
/// grant happens when a different administrator asks for the same role. Pending grants live in Identity's user-token
/// table (login provider <see cref="Provider"/>, one row per role, value = the requesting administrator), so no new
/// table is needed; they are removed when confirmed.
/// </summary>
public static class PrivilegedRoleGrants
{
    public const string Provider = "rs:pending-role-grant";

    public static readonly IReadOnlySet<string> Privileged = new HashSet<string>(StringComparer.Ordinal) { Roles.Administrator, Roles.Auditor };

    /// <summary>
    /// Of the privileged roles in <paramref name="adding"/>, returns those that must still wait: recorded as pending
    /// for <paramref name="requester"/>, unless another administrator asked first (then the pending row is consumed
    /// and the role may be granted now).
    /// </summary>
    public static async Task<List<string>> AwaitingConfirmationAsync(UserManager<ApplicationUser> users, ApplicationUser user,
        IEnumerable<string> adding, string requester)
    {
        var waiting = new List<string>();
        foreach (var role in adding.Where(Privileged.Contains))
        {
            var first = await users.GetAuthenticationTokenAsync(user, Provider, role);
            if (first is not null && first != requester)
            {
                await users.RemoveAuthenticationTokenAsync(user, Provider, role);
                continue;
            }
            await users.SetAuthenticationTokenAsync(user, Provider, role, requester);
            waiting.Add(role);
        }
        return waiting;
    }
}
