using System.Security.Claims;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>The caller as the handlers see it: an id and roles, read from the authenticated principal.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => IdOf(Principal) ?? throw new InvalidOperationException("No authenticated user on this request.");

    /// <summary>The user id of a principal: OIDC <c>sub</c>, else the name identifier; null when anonymous.</summary>
    public static string? IdOf(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue("sub") ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>Scopes matter only for machine clients (client credentials), which have no roles.</summary>
    public bool HasScope(string scope) => Principal.HasApiScope(scope);

    /// <summary>A machine client (client credentials): the token's subject is the client itself.</summary>
    public bool IsMachineClient => Principal.FindFirstValue("client_id") is { } client && client == IdOf(Principal);

    /// <summary>Reviewers and auditors read across owners; investigators only their own records.</summary>
    public bool SeesAllRecords => IsInRole(Roles.IntegrityReviewer) || IsInRole(Roles.Auditor);
}
