using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;

namespace ResearchSecurity.Api.Features.Users;

internal static class UserRoleRules
{
    public static void Apply<T>(AbstractValidator<T> v, Expression<Func<T, IEnumerable<string>?>> roles)
    {
        v.RuleFor(roles).Must(r => r is null || r.Count() <= Roles.All.Count).WithMessage("Too many roles.");
        v.RuleForEach(roles!).Must(Roles.All.Contains).WithMessage((_, role) => $"'{role}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
    }

    /// <summary>Identity's refusals (duplicate name, weak password) as a validation problem keyed by the field at fault.</summary>
    public static ValidationProblem Problem(IdentityResult result) =>
        TypedResults.ValidationProblem(result.Errors
            .GroupBy(e => e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
                _ when e.Code.Contains("Email", StringComparison.Ordinal) => "email",
                _ when e.Code.Contains("UserName", StringComparison.Ordinal) => "userName",
                _ => "roles",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
