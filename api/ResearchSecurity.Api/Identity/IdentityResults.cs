using Microsoft.AspNetCore.Identity;

namespace ResearchSecurity.Api.Identity;

internal static class IdentityResults
{
    /// <summary>For steps that cannot fail on valid input (seeding, linking a login): failure is a bug, not a user error.</summary>
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
