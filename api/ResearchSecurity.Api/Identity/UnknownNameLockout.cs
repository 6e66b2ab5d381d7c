using Microsoft.Extensions.Caching.Memory;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Failed sign-ins with a name that has no account are counted like a real account's (in memory, for the lockout
/// duration), so after <see cref="LockoutSettings.MaxFailedAttempts"/> failures both answer 423: trying names in bulk
/// learns nothing from the status codes.
/// </summary>
public static class UnknownNameLockout
{
    /// <summary>Counts one failure; true when the name is now "locked out".</summary>
    public static bool Fail(IMemoryCache cache, string? userName, LockoutSettings lockout)
    {
        var key = "rs-unknown-signin:" + (userName ?? string.Empty).Trim().ToUpperInvariant();
        var count = (cache.TryGetValue(key, out int seen) ? seen : 0) + 1;
        cache.Set(key, count, lockout.Duration);
        return count >= lockout.MaxFailedAttempts;
    }
}
