using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ResearchSecurity.Core.Reviews;

public static class ReviewSetup
{
    /// <summary>
    /// Binds and validates the review settings (<see cref="ReviewOptions"/>) and the risk thresholds
    /// (<see cref="RiskOptions"/>); the only place either is registered, used by every host that reviews or screens.
    /// </summary>
    public static IServiceCollection AddReviewOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section))
            .PostConfigure(o => { if (o.FalsePositiveReasons.Count == 0) o.FalsePositiveReasons.AddRange(ReviewOptions.DefaultFalsePositiveReasons); })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RiskOptions>().Bind(configuration.GetSection(RiskOptions.Section))
            .Validate(o => o.Medium > 0 && o.High > o.Medium && o.Critical > o.High,
                "Risk thresholds must rise strictly: 0 < Medium < High < Critical.")
            .ValidateOnStart();
        return services;
    }
}
