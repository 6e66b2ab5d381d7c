namespace ResearchSecurity.Screening.Tests.Quality;

/// <summary>The quality the suite holds the engine to: the figures last reached, rounded down (see the Screening README).</summary>
public static class QualityFloor
{
    public const double DevelopmentPrecision = 0.95;
    public const double DevelopmentRecall = 0.95;
    public const double NamePairF1 = 0.45;
}
