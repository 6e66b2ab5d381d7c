using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Helpers shared by the steps of the guided proposal form.</summary>
public static class ProposalForms
{
    /// <summary>An update body that keeps the proposal's own fields and touches no collection (each step adds its own).</summary>
    public static ProposalRequest Keep(ProposalResponse p) =>
        new(p.Title, p.Summary, [.. p.TechnologyAreas], p.PlannedStart, p.PlannedEnd, null, null, null);

    public static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    public static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Extra empty rows offered after the saved ones, so rows can be added without JavaScript.</summary>
    public const int BlankRows = 2;
}
