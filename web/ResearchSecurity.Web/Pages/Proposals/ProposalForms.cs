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

    /// <summary>
    /// What a step edits, hashed when the form is shown. The worker updates the proposal row too (risk after screening),
    /// which moves its ETag without touching what the user edits; so a save uses the current ETag when the part being
    /// edited is still as the user saw it, and reports a conflict only when someone really changed that part.
    /// </summary>
    public static string Fingerprint(object part) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(part, ApiClient.Json)));

    public static string ETagFor(ProposalResponse current, string? postedFingerprint, object currentPart) =>
        postedFingerprint is not null && postedFingerprint == Fingerprint(currentPart) ? current.ETag : "\"stale\"";

    /// <summary>Extra empty rows offered after the saved ones, so rows can be added without JavaScript.</summary>
    public const int BlankRows = 2;
}
