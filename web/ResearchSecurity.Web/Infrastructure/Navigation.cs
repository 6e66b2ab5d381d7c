using Microsoft.AspNetCore.Authorization;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>
/// The main navigation: each link names the policy of the folder it points into, and the layout shows only the
/// links whose policy the signed-in user satisfies (the same policies guard the pages themselves).
/// </summary>
public static class Navigation
{
    public sealed record Link(string Text, string Page, string Policy);

    public static readonly IReadOnlyList<Link> Links =
    [
        new("My proposals", "/Proposals/Index", WebPolicies.Investigator),
        new("Review queue", "/Review/Index", WebPolicies.Reviewer),
        new("Funding sources", "/Funding/Index", WebPolicies.GrantOfficer),
        new("Watchlists", "/Admin/Watchlists/Index", WebPolicies.Administrator),
        new("Users and roles", "/Admin/Users/Index", WebPolicies.Administrator),
        new("Audit log", "/Audit/Index", WebPolicies.Auditor),
        new("Registers", "/Registers/Index", WebPolicies.Registers),
        new("Approach reports", "/Approaches/Index", WebPolicies.Staff),
    ];

    /// <summary>Area folders and their policies, applied as Razor Pages conventions.</summary>
    public static readonly IReadOnlyList<(string Folder, string Policy)> Folders =
    [
        ("/Proposals", WebPolicies.Investigator),
        ("/Review", WebPolicies.Reviewer),
        ("/Funding", WebPolicies.GrantOfficer),
        ("/Admin", WebPolicies.Administrator),
        ("/Audit", WebPolicies.Auditor),
        ("/Registers", WebPolicies.Registers),
        ("/Approaches", WebPolicies.Staff),
    ];

    public static async Task<IReadOnlyList<Link>> VisibleAsync(IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user)
    {
        var visible = new List<Link>();
        foreach (var link in Links)
            if ((await authorization.AuthorizeAsync(user, link.Policy)).Succeeded) visible.Add(link);
        return visible;
    }
}
