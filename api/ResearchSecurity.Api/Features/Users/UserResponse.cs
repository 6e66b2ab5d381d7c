using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

public sealed record UserResponse(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool IsLockedOut, DateTimeOffset? LockoutEnd);

public static class UserProjection
{
    /// <summary>Loads the given users with their role names in two queries.</summary>
    public static async Task<List<UserResponse>> LoadAsync(this IQueryable<ApplicationUser> users, ApplicationIdentityDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var page = await users.Select(u => new { u.Id, u.UserName, u.Email, u.LockoutEnd }).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return page.Select(u => new UserResponse(u.Id, u.UserName ?? string.Empty, u.Email,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    public static async Task<UserResponse?> LoadOneAsync(this ApplicationIdentityDbContext db, string id, TimeProvider clock, CancellationToken ct) =>
        (await db.Users.Where(u => u.Id == id).LoadAsync(db, clock, ct)).SingleOrDefault();
}
