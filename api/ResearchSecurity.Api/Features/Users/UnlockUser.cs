using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>An administrator unlocks a user, which also lifts an automatic lockout.</summary>
public static class UnlockUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id}/unlock", (string id, UserManager<ApplicationUser> users, ApplicationIdentityDbContext identity, ResearchSecurityDbContext records,
                    CurrentUser caller, CancellationToken ct) => UserLock.SetAsync(id, locked: false, users, identity, records, caller, ct))
            .WithName(nameof(UnlockUser))
            .WithSummary("Unlock a user")
            .WithDescription("Lets a locked user sign in again.")
            .RequireAuthorization(Policies.UsersManage);
}
