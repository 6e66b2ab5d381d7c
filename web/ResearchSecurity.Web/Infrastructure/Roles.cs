namespace ResearchSecurity.Web.Infrastructure;

/// <summary>The product's roles as the API puts them in tokens (the web host shares no code with the API).</summary>
public static class Roles
{
    public const string Investigator = "Investigator";
    public const string IntegrityReviewer = "IntegrityReviewer";
    public const string GrantOfficer = "GrantOfficer";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";
}

/// <summary>Page policies: one per area folder, mirroring the API's policies so a link is shown only where the API would answer.</summary>
public static class WebPolicies
{
    public const string Investigator = "web:investigator";
    public const string Reviewer = "web:reviewer";
    public const string GrantOfficer = "web:grant-officer";
    public const string Administrator = "web:administrator";
    public const string Auditor = "web:auditor";
    public const string Registers = "web:registers";
    /// <summary>Any member of staff (every role): suspicious approaches are reported by whoever meets them.</summary>
    public const string Staff = "web:staff";

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Investigator, p => p.RequireRole(Roles.Investigator));
        options.AddPolicy(Reviewer, p => p.RequireRole(Roles.IntegrityReviewer));
        options.AddPolicy(GrantOfficer, p => p.RequireRole(Roles.GrantOfficer));
        options.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Auditor, p => p.RequireRole(Roles.Auditor));
        // Whoever reads one of the registered records; the page offers each user only the registers the API gives them.
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Administrator, Roles.Auditor));
        options.AddPolicy(Registers, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Auditor));
    }
}
