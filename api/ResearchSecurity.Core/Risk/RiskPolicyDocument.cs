using System.Text.Json;
using System.Text.Json.Serialization;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

/// <summary>Level thresholds on the combined score of a proposal's factors (hits and flags).</summary>
public sealed record LevelThresholds(double? Medium, double? High, double? Critical);

/// <summary>
/// What a policy says about one rule. Every rule reads only the settings it needs; <see cref="RiskPolicyValidator"/>
/// names the ones a rule requires.
/// </summary>
public sealed record RulePolicy
{
    public bool? Enabled { get; init; }
    /// <summary>How much one flag of this rule weighs, on the same 0–4 scale as a hit (list severity × score).</summary>
    public double? Weight { get; init; }
    /// <summary>A flag of this rule sets at least this level (e.g. Canada's STRAC rule: Critical, "not permitted").</summary>
    public RiskLevel? MinimumLevel { get; init; }
    /// <summary>What the policy calls the outcome of this flag ("not permitted", "prohibited"...).</summary>
    public string? Decision { get; init; }
    public int? WindowDays { get; init; }
    public int? MinResearchers { get; init; }
    public int? LookBackYears { get; init; }
    public int? MaxAffiliationGapMonths { get; init; }
    /// <summary>Watchlist ids the rule reads ("*" = every list in force).</summary>
    public List<string>? Lists { get; init; }
    /// <summary>Words that make a listed entity a talent-recruitment program (matched as whole canonical words).</summary>
    public List<string>? ProgramNameWords { get; init; }
    /// <summary>Website hosts on which anyone can publish: a partner "website" there is no evidence of an organisation.</summary>
    public List<string>? FreeHostingDomains { get; init; }
    /// <summary>Technology-area codes the rule treats as sensitive; empty or absent = the areas marked sensitive.</summary>
    public List<string>? SensitiveAreas { get; init; }

    public bool IsEnabled => Enabled == true;
    public bool ReadsList(string listId) => Lists is { } l && (l.Contains("*") || l.Contains(listId));
}

/// <summary>
/// A risk policy as an administrator uploads it: weights, windows and thresholds of the rules, as data. Versions of
/// it are stored like list versions (<see cref="RiskPolicyVersion"/>); exactly one is in force.
/// </summary>
public sealed record RiskPolicyDocument
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Absent: the configured thresholds (<c>Risk</c> options) apply.</summary>
    public LevelThresholds? Levels { get; init; }
    /// <summary>Share of each further factor's weight added to the heaviest one (0 = only the heaviest counts).</summary>
    public double? Accumulation { get; init; }
    /// <summary>A sensitive technology area with any listed hit raises the level one step.</summary>
    public bool? SensitiveAreaUplift { get; init; }
    /// <summary>Name of each level in this policy's vocabulary (e.g. the DoD matrix: Critical = "prohibited").</summary>
    public Dictionary<RiskLevel, string>? DecisionLabels { get; init; }
    public Dictionary<string, RulePolicy>? Rules { get; init; }

    public RulePolicy Rule(string code) => Rules is not null && Rules.TryGetValue(code, out var r) ? r : new RulePolicy { Enabled = false };

    public string? LabelFor(RiskLevel level) => DecisionLabels is not null && DecisionLabels.TryGetValue(level, out var label) ? label : null;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
