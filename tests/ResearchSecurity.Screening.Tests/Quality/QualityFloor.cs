namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>The quality the suite holds the engine to: the figures last reached, rounded down (see the Screening README).</summary>
public static class QualityFloor
{
    public const double DevelopmentPrecision = 0.99;
    public const double DevelopmentRecall = 0.97;
    public const double NamePairF1 = 0.45;
    /// <summary>Per defect class on Data/affiliation-classes.jsonl.</summary>
    public const double ClassPrecision = 1.0;
    public const double ClassRecall = 1.0;

    /// <summary>Per language on Data/affiliation-languages.jsonl: (precision, recall), the figures reached rounded down.</summary>
    public static readonly IReadOnlyDictionary<string, (double Precision, double Recall)> Language = new Dictionary<string, (double, double)>
    {
        ["russian cyrillic"] = (1.0, 0.9),
        ["russian latin"] = (1.0, 0.85),
        ["japanese"] = (1.0, 0.8),
        ["korean"] = (1.0, 0.8),
        ["persian"] = (1.0, 0.65),
    };
}
