namespace ResearchSecurity.Api.Infrastructure;

public static class Roles
{
    public const string Investigator = "Investigator";
    public const string IntegrityReviewer = "IntegrityReviewer";
    public const string GrantOfficer = "GrantOfficer";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Investigator, IntegrityReviewer, GrantOfficer, Administrator, Auditor];
}
