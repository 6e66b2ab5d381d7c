namespace ResearchSecurity.Api.Features.Reviews;

public static class ReviewEndpoints
{
    public static void MapReviews(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Reviews").RequireAuthorization(Policies.ReviewsRead);
        ListReviewQueue.Map(group);
        ListDispositionReasons.Map(group);
        GetReview.Map(group);
        GetHitExplanation.Map(group);
        ClaimReview.Map(group);
        RecordHitDisposition.Map(group);
        RequestInformation.Map(group);
        EscalateReview.Map(group);
        RecordDecision.Map(group);
        ConfirmDecision.Map(group);
        api.MapInformationRequests();
    }
}
