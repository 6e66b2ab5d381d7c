using System.Text.Json.Serialization;

namespace ResearchSecurity.Screening.Matching;

/// <summary>One step of the score: what was observed and how much it moved the score.</summary>
public sealed record FeatureContribution(string Feature, string Detail, double Factor, double Contribution);

/// <summary>Why a hit scored what it did. Serialisable with System.Text.Json as is.</summary>
public sealed record ScreeningExplanation
{
    public required string ListId { get; init; }
    public required string ListName { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<NameKind>))]
    public required NameKind MatchedNameKind { get; init; }
    public required IReadOnlyList<FeatureContribution> Features { get; init; }
    /// <summary>Listed words found in the text (typos shown as "listed~found").</summary>
    public required IReadOnlyList<string> MatchedTokens { get; init; }
    /// <summary>Words of the matched segment outside the match (departments, cities ...).</summary>
    public required IReadOnlyList<string> UnmatchedTokens { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<CountryAgreement>))]
    public required CountryAgreement CountryAgreement { get; init; }
    public required IReadOnlyList<string> TextCountries { get; init; }
    public required IReadOnlyList<string> EntityCountries { get; init; }
    /// <summary>"parent > entity" for listed subsidiaries, or "major defence laboratories: X" for child names.</summary>
    public string? ParentPath { get; init; }
    public required string EntityContentHash { get; init; }
}
