using Microsoft.AspNetCore.Identity;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

public static class CreateUser
{
    /// <summary>Without a password the user can sign in only through the university's SSO.</summary>
    public sealed record CreateUserRequest(string? UserName, string? Email, string? Password, List<string>? Roles);

    public sealed class Validator : AbstractValidator<CreateUserRequest>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("Required.").MaximumLength(100)
                .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("Letters, digits and . _ @ + - only.");
            RuleFor(x => x.Email).OptionalEmail();
            RuleFor(x => x.Password).MaximumLength(200);
            UserRoleRules.Apply(this, x => x.Roles);
            RuleForEach(x => x.Roles).Must(r => !PrivilegedRoleGrants.Privileged.Contains(r))
                .WithMessage((_, role) => $"'{role}' needs a second administrator: create the user, then grant it with PUT /api/v1/users/{{id}}/roles.");
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(CreateUser))
            .WithSummary("Create a user")
            .WithDescription("Creates a local sign-in user with an initial password and roles.")
            .RequireAuthorization(Policies.UsersManage)
            .Validate<CreateUserRequest>();

    public static async Task<Results<Created<UserResponse>, ValidationProblem>> Handle(
        CreateUserRequest request, UserManager<ApplicationUser> users, ApplicationIdentityDbContext db, ResearchSecurityDbContext records,
        TimeProvider clock, CancellationToken ct)
    {
        var user = new ApplicationUser { UserName = request.UserName!.Trim(), Email = request.Email?.Trim() };
        await using var transaction = await records.BeginSharedTransactionAsync(db, ct);
        var created = request.Password is { Length: > 0 } password ? await users.CreateAsync(user, password) : await users.CreateAsync(user);
        if (!created.Succeeded) return UserRoleRules.Problem(created);
        var assigned = await users.AddToRolesAsync(user, (request.Roles ?? []).Distinct());
        if (!assigned.Succeeded) return UserRoleRules.Problem(assigned);
        await records.RecordAsync(AuditEventType.UserCreated, user.Id, null,
            new { user.UserName, user.Email, Roles = request.Roles ?? [], HasPassword = request.Password is { Length: > 0 } }, null, ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Created($"/api/v1/users/{user.Id}", (await db.LoadOneAsync(user.Id, clock, ct))!);
    }
}
