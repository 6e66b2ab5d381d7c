using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Matching;

/// <summary>
/// A scored candidate before it becomes a <see cref="ScreeningMatch"/>: the name form that matched, the entity it is
/// reported on (a parent or twin may differ from the name's own entity), where in the text, and the feature trail.
/// </summary>
internal sealed record Hit(CompiledName Name, WatchlistEntity Entity, List<PartMatch> Spans, double Score,
                           List<FeatureContribution> Features, CountryAgreement Agreement, string? GroupPath = null);
