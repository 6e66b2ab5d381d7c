using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>The reviewers' work queue: submitted proposals by risk and age, filterable by state and assignee.</summary>
public static class ListReviewQueue
{
    public sealed record ListReviewQueueRequest(
        int? Page, int? PageSize, RiskLevel? MinRisk, ProposalStatus? Status, string? Assignee, int? OlderThanDays, string? Sort);

    public sealed record QueueItem(
        Guid ProposalId, string Title, ProposalStatus Status, RiskLevel RiskLevel, string? AssignedReviewerId,
        DateTimeOffset? SubmittedAt, int OpenHits);

    // Within one risk level the oldest submission comes first.
    private static readonly SortOrder<Proposal> Sorts = new SortOrder<Proposal>()
        .By("risk", p => p.RiskLevel, then: p => p.SubmittedAt).By("age", p => p.SubmittedAt)
        .Default("-risk");
    private static readonly ProposalStatus[] QueueStates =
        [ProposalStatus.Submitted, ProposalStatus.Screening, ProposalStatus.InReview, ProposalStatus.InfoRequested, ProposalStatus.Escalated];

    public sealed class Validator : AbstractValidator<ListReviewQueueRequest>
    {
        public Validator()
        {
            Paging.Rules(this, x => x.Page, x => x.PageSize, x => x.Sort, Sorts.Values);
            RuleFor(x => x.OlderThanDays).InclusiveBetween(0, 3650);
            RuleFor(x => x.Assignee).MaximumLength(200);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListReviewQueueRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .WithName(nameof(ListReviewQueue))
            .WithSummary("List the review queue")
            .WithDescription("Proposals awaiting or in review with their risk level and open hits, paged, filtered by minimum risk, status, assignee and age, and sorted.")
            .Validate<ListReviewQueueRequest>();

    public static async Task<Ok<PagedList<QueueItem>>> Handle(ListReviewQueueRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var query = db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db);
        query = request.Status is { } status ? query.Where(p => p.Status == status) : query.Where(p => QueueStates.Contains(p.Status));
        if (request.MinRisk is { } minRisk) query = query.Where(p => p.RiskLevel >= minRisk);
        query = request.Assignee switch
        {
            null or "" => query,
            "me" => query.Where(p => p.AssignedReviewerId == user.Id),
            "unassigned" => query.Where(p => p.AssignedReviewerId == null),
            var someone => query.Where(p => p.AssignedReviewerId == someone),
        };
        if (request.OlderThanDays is { } days)
        {
            var cutoff = db.Clock.GetUtcNow().AddDays(-days);
            query = query.Where(p => p.SubmittedAt <= cutoff);
        }
        query = Sorts.Apply(query, request.Sort);
        return TypedResults.Ok(await query.ToPageAsync(request.Page, request.PageSize,
            p => new QueueItem(p.Id, p.Title, p.Status, p.RiskLevel, p.AssignedReviewerId, p.SubmittedAt,
                // Same rule as ProposalRisk.HitsFor, written out because EF cannot translate a method call inside a projection.
                db.ScreeningHits.Count(h => (h.ProposalId == p.Id
                        || (h.PersonId != null && db.ProposalMembers.Any(m => m.ProposalId == p.Id && m.PersonId == h.PersonId)))
                    && h.Status == HitStatus.Active && h.Disposition == Disposition.None)), ct));
    }
}
