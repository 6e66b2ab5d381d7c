using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

public static class ReviewEndpoints
{
    public static void MapReviews(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Reviews").RequireAuthorization(Policies.ReviewsRead);
        ListReviewQueue.Map(group);
        group.MapGet("/disposition-reasons", (IOptions<ReviewOptions> options) => TypedResults.Ok(options.Value.FalsePositiveReasons))
            .WithName("ListDispositionReasons");
        GetReview.Map(group);
        GetHitExplanation.Map(group);
        ClaimReview.Map(group);
        DispositionHit.Map(group);
        RequestInformation.Map(group);
        EscalateReview.Map(group);
        RecordDecision.Map(group);
        ConfirmDecision.Map(group);
        api.MapInformationRequests();
    }
}
