namespace ResearchSecurity.Core.Risk;

/// <summary>The red flags of the economic-security guidance, one rule each. Codes are stored and appear in policies.</summary>
public static class RuleCodes
{
    public const string SharedContactDetails = "shared-contact-details";
    public const string NoWebPresence = "no-web-presence";
    public const string PayerDiffers = "payer-differs";
    public const string ChangeAfterApproval = "change-after-approval";
    public const string SamePartySeveralResearchers = "same-party-several-researchers";
    public const string TalentRecruitment = "talent-recruitment";
    public const string UndisclosedAffiliation = "undisclosed-affiliation";
    public const string ForeignGovernmentInfluence = "foreign-government-influence";
    public const string HistoricalListingOverlap = "historical-listing-overlap";
    public const string SensitiveTechnologyNamedOrganisation = "sensitive-technology-named-organisation";
    public const string ReportedApproach = "reported-approach";

    public static readonly IReadOnlyList<string> All =
    [
        SharedContactDetails, NoWebPresence, PayerDiffers, ChangeAfterApproval, SamePartySeveralResearchers,
        TalentRecruitment, UndisclosedAffiliation, ForeignGovernmentInfluence, HistoricalListingOverlap, SensitiveTechnologyNamedOrganisation,
        ReportedApproach,
    ];

    /// <summary>Settings an enabled rule cannot do without (names of <see cref="RulePolicy"/> properties).</summary>
    public static IEnumerable<string> RequiredSettings(string code) => code switch
    {
        SamePartySeveralResearchers => [nameof(RulePolicy.WindowDays), nameof(RulePolicy.MinResearchers)],
        TalentRecruitment => [nameof(RulePolicy.ProgramNameWords), nameof(RulePolicy.LookBackYears)],
        HistoricalListingOverlap => [nameof(RulePolicy.LookBackYears)],
        SensitiveTechnologyNamedOrganisation => [nameof(RulePolicy.Lists)],
        NoWebPresence => [nameof(RulePolicy.FreeHostingDomains)],
        _ => [],
    };
}
