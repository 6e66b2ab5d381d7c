using System.Text.Json.Serialization;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Matching;

/// <summary>One hit: which listed entity, by which name, in which part of the text, how strong, and why.</summary>
public sealed record ScreeningMatch(
    string ListId,
    string EntityId,
    string Name,
    string MatchedName,
    string Segment,
    double Score,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ListingStatus>))] ListingStatus Status,
    ScreeningExplanation Explanation);
