namespace ResearchSecurity.Screening.Matching;

/// <summary>Thresholds and weights. Configuration, not code: the defaults were measured on the development set.</summary>
public sealed record ScreeningOptions
{
    /// <summary>Hits at or above this score are alerts and are returned by default.</summary>
    public double AlertThreshold { get; init; } = 0.8;
    /// <summary>When set, hits down to this score are returned too (for review queues and tuning).</summary>
    public double? ReturnBelowThresholdDownTo { get; init; }
    /// <summary>Candidates fetched from the index per text.</summary>
    public int MaxCandidates { get; init; } = 200;
    /// <summary>Words in more than this share of listed names are not sent to the index (they still count in scoring).</summary>
    public double MaxQueryTermShare { get; init; } = 0.05;
    /// <summary>A subsidiary or laboratory name resolves to its entry at this factor.</summary>
    public double ChildFactor { get; init; } = 0.85;
    /// <summary>Score factor when the text names a country the entity is not in.</summary>
    public double CountryConflictFactor { get; init; } = 0.3;
    /// <summary>Score factor when the text gives no country evidence at all.</summary>
    public double CountryUnknownFactor { get; init; } = 0.95;
    /// <summary>Score of a typo'd word relative to an exact one, weighted by its share of the name.</summary>
    public double TypoPenalty { get; init; } = 0.3;
    /// <summary>Factor for names made only of generic words ("Information Engineering University") unless the segment is exactly the name.</summary>
    public double GenericOnlyFactor { get; init; } = 0.7;
    /// <summary>Factor when a listed qualifier ("(Wuhan)" campus) is absent: the text may name a sibling campus.</summary>
    public double MissingQualifierFactor { get; init; } = 0.75;
    /// <summary>Factor for "University of X" found for listed "X University" (and the reverse).</summary>
    public double ReorderedFactor { get; init; } = 0.95;
    /// <summary>
    /// Factor when a distinctive word was met through another romanisation or an inflected form of a listed word
    /// ("Rzhanova", "shryf" for Sharif): one reading of several, not the letters the list wrote.
    /// </summary>
    public double RomanisationVariantFactor { get; init; } = 0.95;
    /// <summary>Base score of an acronym with supporting words in the text; without them it is multiplied by <see cref="UnsupportedAcronymFactor"/>.</summary>
    public double AcronymBase { get; init; } = 0.9;
    public double UnsupportedAcronymFactor { get; init; } = 0.7;
    /// <summary>
    /// <c>Compare</c> calls two names the same organisation at or above this score. Chosen on the name-pair set derived from
    /// the lists: best F1 with precision at least 0.98 (0.4748 there), rounded up to two decimals; see NamePairQualityTests.
    /// </summary>
    public double CompareMatchThreshold { get; init; } = 0.48;
    /// <summary><c>Compare</c> score of an acronym equal to the initials of the other name.</summary>
    public double CompareAcronymScore { get; init; } = 0.85;
    /// <summary><c>Compare</c> factor when a number of one name is absent from the other ("54th" vs "14th Research Institute").</summary>
    public double CompareNumberConflictFactor { get; init; } = 0.5;
    /// <summary><c>Compare</c> factor per word of either name that the other does not explain (legal forms aside).</summary>
    public double CompareUnmatchedWordFactor { get; init; } = 0.7;
    /// <summary><c>Compare</c> factor per organisation-type or generic word ("Polytechnical", "Technology") of one name absent from the other.</summary>
    public double CompareUnmatchedTypeWordFactor { get; init; } = 0.5;
}
