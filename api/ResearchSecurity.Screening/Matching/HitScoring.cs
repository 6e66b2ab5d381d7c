using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Matching;

/// <summary>The score arithmetic every scorer shares: a factor applied and recorded, and the country evidence.</summary>
internal static class HitScoring
{
    public static void Apply(ref double score, List<FeatureContribution> features, string feature, string detail, double factor)
    {
        var before = score;
        score *= factor;
        features.Add(new FeatureContribution(feature, detail, Math.Round(factor, 4), Math.Round(score - before, 4)));
    }

    /// <summary>A US address for a Chinese entity conflicts; no country at all is a small doubt.</summary>
    public static CountryAgreement Country(ScreeningOptions options, WatchlistEntity entity, Context ctx, int segment, ref double score, List<FeatureContribution> features)
    {
        var (agreement, detail) = ctx.CountryAgreementFor(entity.Countries, ctx.Segments[segment].Clause);
        var factor = agreement switch
        {
            CountryAgreement.Conflicts => options.CountryConflictFactor,
            CountryAgreement.Unknown => options.CountryUnknownFactor,
            _ => 1.0,
        };
        Apply(ref score, features, "country", detail, factor);
        return agreement;
    }
}
