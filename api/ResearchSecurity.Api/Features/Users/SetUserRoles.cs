using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>
/// Replaces a user's roles; the user's current access tokens stop working at once (new security stamp) and new roles
/// reach the next refreshed token. Nobody changes their own roles; Administrator and Auditor need a second
/// administrator (202 with the roles awaiting confirmation, see <see cref="PrivilegedRoleGrants"/>).
/// </summary>
public static class SetUserRoles
{
    public sealed record SetUserRolesRequest(List<string>? Roles);

    public sealed class Validator : AbstractValidator<SetUserRolesRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Roles).NotNull().WithMessage("Required (an empty list removes every role).");
            UserRoleRules.Apply(this, x => x.Roles);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id}/roles", Handle).WithName(nameof(SetUserRoles))
            .WithSummary("Set a user's roles")
            .WithDescription("Replaces a user's roles. Granting a privileged role answers 202 and waits for a second administrator to make the same change; nobody may change their own roles.")
            .RequireAuthorization(Policies.UsersManage)
            .Validate<SetUserRolesRequest>();

    public static async Task<Results<Ok<UserResponse>, Accepted<RoleChangeAwaitingConfirmation>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        string id, SetUserRolesRequest request, UserManager<ApplicationUser> users, ApplicationIdentityDbContext db,
        ResearchSecurityDbContext records, TimeProvider clock, CurrentUser caller, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return TypedResults.NotFound();
        if (user.Id == caller.Id)
            return TypedResults.Problem(title: "You cannot change your own roles", detail: "Ask another administrator.", statusCode: StatusCodes.Status403Forbidden);
        await using var transaction = await records.BeginSharedTransactionAsync(db, ct);
        var wanted = request.Roles!.Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        // Administrator and Auditor need a second administrator: until then they are pending, not granted.
        var waiting = await PrivilegedRoleGrants.AwaitingConfirmationAsync(users, user, wanted.Except(current), caller.Id);
        wanted = [.. wanted.Except(waiting)];
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded) return UserRoleRules.Problem(removed);
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!added.Succeeded) return UserRoleRules.Problem(added);
        if (!current.ToHashSet().SetEquals(wanted))
        {
            await users.UpdateSecurityStampAsync(user);
            await records.RecordAsync(AuditEventType.UserRolesChanged, user.Id, new { Roles = current }, new { Roles = wanted }, null, ct);
        }
        if (waiting.Count > 0)
            await records.RecordAsync(AuditEventType.UserRoleGrantRequested, user.Id, null, new { Roles = waiting }, "awaits a second administrator", ct);
        await transaction.CommitAsync(ct);
        var response = (await db.LoadOneAsync(id, clock, ct))!;
        return waiting.Count == 0
            ? TypedResults.Ok(response)
            : TypedResults.Accepted($"/api/v1/users/{id}", new RoleChangeAwaitingConfirmation(response, waiting,
                "Granted once another administrator sends the same role for this user."));
    }
}
