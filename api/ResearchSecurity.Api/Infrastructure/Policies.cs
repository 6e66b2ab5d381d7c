using Microsoft.AspNetCore.Authorization;
using ResearchSecurity.Api.Identity;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>
/// Every route group names one of these policies; the fallback policy denies anything that forgets to.
/// Object-level rules (a PI sees only their own records) are applied in the handlers' queries.
/// </summary>
public static class Policies
{
    public const string ProposalsRead = "proposals:read";
    public const string ProposalsWrite = "proposals:write";
    public const string PeopleRead = "people:read";
    public const string PeopleWrite = "people:write";
    public const string FundingRead = "funding:read";
    public const string FundingWrite = "funding:write";
    public const string ReferenceRead = "reference:read";
    public const string ReviewsRead = "reviews:read";
    public const string ReviewsAct = "reviews:act";
    public const string ScreeningRead = "screening:read";
    public const string AuditRead = "audit:read";
    public const string WatchlistsRead = "watchlists:read";
    public const string WatchlistsManage = "watchlists:manage";
    public const string JobsRead = "jobs:read";
    public const string UsersManage = "users:manage";
    public const string UsersRead = "users:read";
    public const string RiskRead = "risk:read";
    public const string RiskPoliciesRead = "risk-policies:read";
    public const string RiskPoliciesManage = "risk-policies:manage";
    public const string RegistersRead = "registers:read";
    public const string VisitorImport = "imports:visitors";
    public const string ApproachReportsFile = "approach-reports:file";
    public const string NotificationsOwn = "notifications:own";
    public const string WebhooksManage = "webhooks:manage";

    public static void Register(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ProposalsRead, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(ProposalsWrite, p => p.RequireRole(Roles.Investigator));
        options.AddPolicy(PeopleRead, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(PeopleWrite, p => p.RequireRole(Roles.Investigator));
        // Also the grant-management integration: a client-credentials token granted the funding.read scope.
        options.AddPolicy(FundingRead, p => p.AddRequirements(new RolesOrScopeRequirement(
            [Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Auditor], AuthScopes.FundingRead)));
        options.AddPolicy(FundingWrite, p => p.RequireRole(Roles.Investigator));
        options.AddPolicy(ReferenceRead, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ReviewsRead, p => p.RequireRole(Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(ReviewsAct, p => p.RequireRole(Roles.IntegrityReviewer));
        // Screening results: reviewers and auditors see all hits, grant officers the funding-related ones,
        // investigators the hits on their own proposals (filtered in the handlers).
        options.AddPolicy(ScreeningRead, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Auditor));
        options.AddPolicy(AuditRead, p => p.RequireRole(Roles.Auditor));
        options.AddPolicy(WatchlistsRead, p => p.RequireRole(Roles.Administrator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(WatchlistsManage, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(JobsRead, p => p.RequireRole(Roles.Administrator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(UsersManage, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(UsersRead, p => p.RequireRole(Roles.Administrator, Roles.Auditor));
        // A proposal's risk: reviewers and auditors all of it, investigators their own proposals' (filtered in the handler).
        options.AddPolicy(RiskRead, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(RiskPoliciesRead, p => p.RequireRole(Roles.Administrator, Roles.IntegrityReviewer, Roles.Auditor));
        options.AddPolicy(RiskPoliciesManage, p => p.RequireRole(Roles.Administrator));
        // Registers: whoever reads one of the registered records; each export then names its record's own policy.
        options.AddPolicy(RegistersRead, p => p.RequireRole(Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Auditor));
        // Bulk import of visiting researchers: investigators, who own the people they import (as with one-by-one creation).
        options.AddPolicy(VisitorImport, p => p.RequireRole(Roles.Investigator));
        // Suspicious approaches are reported by any member of staff (every role); reading others' reports is filtered in the handlers.
        options.AddPolicy(ApproachReportsFile, p => p.RequireRole([.. Roles.All]));
        // Every user sets their own notification preferences; webhook receivers are registered by administrators.
        options.AddPolicy(NotificationsOwn, p => p.RequireRole([.. Roles.All]));
        options.AddPolicy(WebhooksManage, p => p.RequireRole(Roles.Administrator));
    }
}

/// <summary>
/// One of the roles (a user's token) or the API scope (a machine client's token). A requirement type rather than an
/// assertion so the OpenAPI document can read which roles and scope an endpoint accepts.
/// </summary>
public sealed class RolesOrScopeRequirement(IReadOnlyList<string> roles, string scope)
    : AuthorizationHandler<RolesOrScopeRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesOrScopeRequirement requirement)
    {
        if (requirement.Roles.Any(context.User.IsInRole) || context.User.HasApiScope(requirement.Scope)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
