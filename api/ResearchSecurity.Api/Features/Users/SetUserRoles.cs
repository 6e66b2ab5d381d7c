using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

/// <summary>Replaces a user's roles. New roles reach the user's tokens at their next refresh (access tokens are short-lived).</summary>
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
            .RequireAuthorization(Policies.UsersManage)
            .Validate<SetUserRolesRequest>();

    public static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> Handle(
        string id, SetUserRolesRequest request, UserManager<ApplicationUser> users, ApplicationIdentityDbContext db,
        ResearchSecurityDbContext records, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return TypedResults.NotFound();
        await using var transaction = await records.BeginSharedTransactionAsync(db, ct);
        var wanted = request.Roles!.Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded) return UserRoleRules.Problem(removed);
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!added.Succeeded) return UserRoleRules.Problem(added);
        await users.UpdateSecurityStampAsync(user);
        await records.RecordAsync(AuditEventType.UserRolesChanged, user.Id, new { Roles = current }, new { Roles = wanted }, null, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok((await db.LoadOneAsync(id, clock, ct))!);
    }
}
