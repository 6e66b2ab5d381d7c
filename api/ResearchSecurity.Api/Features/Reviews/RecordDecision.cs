using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>
/// Approve, approve with mitigation conditions, or reject — with a rationale. At High risk or above the decision waits
/// for a second reviewer's confirmation before the proposal's status changes.
/// </summary>
public static class RecordDecision
{
    public sealed record DecisionRequest(ProposalStatus? Outcome, string? Rationale, List<ConditionRequest>? Conditions);

    public sealed record ConditionRequest(string? Description, string? Owner, DateOnly? DueDate);

    private static readonly ProposalStatus[] Outcomes = [ProposalStatus.Approved, ProposalStatus.ApprovedWithConditions, ProposalStatus.Rejected];

    public sealed class Validator : AbstractValidator<DecisionRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage("Required.")
                .Must(o => o is null || Outcomes.Contains(o.Value)).WithMessage("Must be Approved, ApprovedWithConditions or Rejected.");
            RuleFor(x => x.Rationale).NotEmpty().WithMessage("Required.").MaximumLength(8000);
            RuleFor(x => x.Conditions).NotEmpty().When(x => x.Outcome == ProposalStatus.ApprovedWithConditions)
                .WithMessage("Give at least one mitigation condition.");
            RuleFor(x => x.Conditions).Empty().When(x => x.Outcome != ProposalStatus.ApprovedWithConditions)
                .WithMessage("Conditions belong to an approval with conditions.");
            RuleForEach(x => x.Conditions).ChildRules(c =>
            {
                c.RuleFor(x => x.Description).NotEmpty().WithMessage("Required.").MaximumLength(2000);
                c.RuleFor(x => x.Owner).NotEmpty().WithMessage("Required.").MaximumLength(200);
                c.RuleFor(x => x.DueDate).NotNull().WithMessage("Required.");
            });
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/decisions", Handle).WithName(nameof(RecordDecision))
            .WithSummary("Record a review decision")
            .WithDescription("Approves, approves with conditions or rejects. Decisions that need a second reviewer wait for their confirmation.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct)
            .Validate<DecisionRequest>();

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, DecisionRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http,
        Hangfire.IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<Core.Audit.Anchoring.AuditAnchorOptions> anchor, CancellationToken ct)
    {
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        if (ETags.Check(http, db, proposal, required: false) is ProblemHttpResult precondition) return precondition;
        if (await db.ReviewDecisions.AnyAsync(d => d.ProposalId == proposalId && d.State == DecisionState.PendingConfirmation, ct))
            throw new DomainException("A decision on this proposal is waiting for a second reviewer's confirmation.");

        var conditions = (request.Conditions ?? []).Select(c => new ConditionDetails(c.Description!, c.Owner!, c.DueDate!.Value)).ToList();
        var policyVersion = await db.ProposalRiskRecords.Where(r => r.ProposalId == proposalId).Select(r => (int?)r.PolicyVersion).FirstOrDefaultAsync(ct)
            ?? (await Core.Risk.RiskPolicies.ActiveAsync(db, ct)).Version;
        var decision = ReviewDecision.Record(proposal, request.Outcome!.Value, request.Rationale!, conditions, user.Id, db.Clock.GetUtcNow(), policyVersion);
        db.ReviewDecisions.Add(decision);
        db.Audit(AuditEventType.DecisionRecorded, nameof(ReviewDecision), decision.Id, proposal.Id,
            AuditChanges.Of(null, new
            {
                decision.Outcome, decision.State, decision.RiskAtDecision, decision.RiskPolicyVersion, ProposalStatus = proposal.Status,
                Conditions = conditions,
            }), request.Rationale);
        // The investigator hears of the decision once it takes effect (now, or at the second reviewer's confirmation).
        if (decision.State == DecisionState.Effective) db.NotifyUser(NotificationKind.DecisionMade, proposal.OwnerId, proposal.Id, decision.Id);
        await db.SaveChangesAsync(ct);
        // A decision is what an office must be able to prove later: the chain head is signed outside the database now.
        Core.Audit.Anchoring.AnchorAuditChainJob.AfterDecision(jobs, anchor.Value);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
