using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Features.Users;

public static class ListUsers
{
    public sealed record ListUsersRequest(int? Page, int? PageSize, string? Q, string? Role);

    public sealed class Validator : AbstractValidator<ListUsersRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize);
            RuleFor(x => x.Q).MaximumLength(200);
            RuleFor(x => x.Role).Must(r => r is null || Roles.All.Contains(r)).WithMessage($"Must be one of: {string.Join(", ", Roles.All)}.");
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListUsersRequest request, ApplicationIdentityDbContext db, TimeProvider clock, CancellationToken ct) =>
                Handle(request, db, clock, ct))
            .WithName(nameof(ListUsers))
            .WithSummary("List users")
            .WithDescription("Sign-in users with their roles and lock state, paged and filtered by `q` and role.")
            .Validate<ListUsersRequest>();

    public static async Task<Ok<PagedList<UserResponse>>> Handle(ListUsersRequest request, ApplicationIdentityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var page = request.Page ?? 1;
        var pageSize = request.PageSize ?? Paging.DefaultPageSize;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(q) || u.NormalizedEmail!.Contains(q));
        }
        if (request.Role is { } role)
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id).Skip((page - 1) * pageSize).Take(pageSize).LoadAsync(db, clock, ct);
        return TypedResults.Ok(new PagedList<UserResponse>(items, page, pageSize, total));
    }
}
