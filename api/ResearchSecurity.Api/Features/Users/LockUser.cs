using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>An administrator locks a user out: no sign-in and no refresh until unlocked.</summary>
public static class LockUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id}/lock", (string id, UserManager<ApplicationUser> users, ApplicationIdentityDbContext identity, ResearchSecurityDbContext records,
                    CurrentUser caller, CancellationToken ct) => UserLock.SetAsync(id, locked: true, users, identity, records, caller, ct))
            .WithName(nameof(LockUser))
            .WithSummary("Lock a user")
            .WithDescription("Stops the user signing in and ends their tokens. Administrators cannot lock themselves.")
            .RequireAuthorization(Policies.UsersManage);
}
