using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResearchSecurity.Core.Risk;

/// <summary>
/// Parses and checks an uploaded policy. Errors are keyed by the path of the offending field
/// (<c>rules.same-party-several-researchers.windowDays</c>), so a 422 can name it.
/// </summary>
public static partial class RiskPolicyValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex PolicyId();

    public static (RiskPolicyDocument? Document, Dictionary<string, string[]> Errors) Parse(ReadOnlySpan<byte> utf8)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RiskPolicyDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<RiskPolicyDocument>(utf8, RiskPolicyDocument.Json);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "document" : ex.Path.TrimStart('$', '.');
            errors[path] = [FirstLine(ex.Message)];
            return (null, errors);
        }
        if (doc is null)
        {
            errors["document"] = ["The policy must be a JSON object."];
            return (null, errors);
        }
        Validate(doc, errors);
        return (errors.Count == 0 ? doc : null, errors);
    }

    private static void Validate(RiskPolicyDocument doc, Dictionary<string, string[]> errors)
    {
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (string.IsNullOrWhiteSpace(doc.Id)) Add("id", "Required.");
        else if (!PolicyId().IsMatch(doc.Id)) Add("id", "Use 2–60 lower-case letters, digits and hyphens.");
        if (string.IsNullOrWhiteSpace(doc.Name)) Add("name", "Required.");
        else if (doc.Name.Length > 200) Add("name", "At most 200 characters.");
        if (doc.Description is { Length: > 4000 }) Add("description", "At most 4000 characters.");
        if (doc.Accumulation is < 0 or > 1) Add("accumulation", "Must be between 0 and 1.");
        if (doc.Levels is { } l)
        {
            if (l.Medium is null) Add("levels.medium", "Required when levels are given.");
            if (l.High is null) Add("levels.high", "Required when levels are given.");
            if (l.Critical is null) Add("levels.critical", "Required when levels are given.");
            if (l is { Medium: { } m, High: { } h, Critical: { } c } && !(0 < m && m <= h && h <= c))
                Add("levels", "Thresholds must rise: 0 < medium <= high <= critical.");
        }
        foreach (var (level, label) in doc.DecisionLabels ?? [])
            if (string.IsNullOrWhiteSpace(label) || label.Length > 100) Add($"decisionLabels.{level}", "Give a label of 1–100 characters.");

        if (doc.Rules is null || doc.Rules.Count == 0)
        {
            Add("rules", "Give the settings of at least one rule.");
            return;
        }
        foreach (var (code, rule) in doc.Rules)
        {
            var at = $"rules.{code}";
            if (!RuleCodes.All.Contains(code))
            {
                Add(at, $"Unknown rule; the rules are: {string.Join(", ", RuleCodes.All)}.");
                continue;
            }
            if (rule.Enabled is null) Add($"{at}.enabled", "Required (true or false).");
            if (!rule.IsEnabled) continue;
            if (rule.Weight is null) Add($"{at}.weight", "Required for an enabled rule.");
            else if (rule.Weight is < 0 or > 4) Add($"{at}.weight", "Must be between 0 and 4 (the scale of list severity × score).");
            if (rule.Decision is { Length: > 100 }) Add($"{at}.decision", "At most 100 characters.");
            foreach (var required in RuleCodes.RequiredSettings(code))
            {
                var missing = required switch
                {
                    nameof(RulePolicy.WindowDays) => rule.WindowDays is null,
                    nameof(RulePolicy.MinResearchers) => rule.MinResearchers is null,
                    nameof(RulePolicy.LookBackYears) => rule.LookBackYears is null,
                    nameof(RulePolicy.Lists) => rule.Lists is not { Count: > 0 },
                    nameof(RulePolicy.ProgramNameWords) => rule.ProgramNameWords is not { Count: > 0 },
                    nameof(RulePolicy.FreeHostingDomains) => rule.FreeHostingDomains is null,
                    _ => false,
                };
                if (missing) Add($"{at}.{JsonNamingPolicy.CamelCase.ConvertName(required)}", "Required for this rule.");
            }
            if (rule.WindowDays is < 1 or > 3650) Add($"{at}.windowDays", "Must be between 1 and 3650 days.");
            if (rule.MinResearchers is < 2 or > 100) Add($"{at}.minResearchers", "Must be between 2 and 100.");
            if (rule.LookBackYears is < 0 or > 50) Add($"{at}.lookBackYears", "Must be between 0 and 50 years.");
            if (rule.MaxAffiliationGapMonths is < 1 or > 240) Add($"{at}.maxAffiliationGapMonths", "Must be between 1 and 240 months.");
            if (rule.Lists?.Any(string.IsNullOrWhiteSpace) == true) Add($"{at}.lists", "List ids must not be empty.");
            if (rule.ProgramNameWords?.Any(string.IsNullOrWhiteSpace) == true) Add($"{at}.programNameWords", "Words must not be empty.");
            if (rule.SensitiveAreas?.Any(a => Reference.TechnologyArea.Seed.All(t => t.Code != a)) == true)
                Add($"{at}.sensitiveAreas", $"Unknown technology area; use the codes of /api/v1/technology-areas.");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0];
}
