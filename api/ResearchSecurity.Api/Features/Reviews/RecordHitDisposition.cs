using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Reviews;

/// <summary>A reviewer marks one hit as a true match, a false positive (reason required) or needing information.</summary>
public static class RecordHitDisposition
{
    public sealed record DispositionRequest(Disposition? Disposition, string? Reason, string? Note);

    public sealed class Validator : AbstractValidator<DispositionRequest>
    {
        public Validator(IOptions<ReviewOptions> options)
        {
            RuleFor(x => x.Disposition).NotNull().WithMessage("Required.").IsInEnum()
                .NotEqual(Disposition.None).WithMessage("Choose TrueMatch, FalsePositive or NeedsInformation.");
            RuleFor(x => x.Reason).NotEmpty().When(x => x.Disposition == Disposition.FalsePositive)
                .WithMessage($"Required for a false positive; one of: {string.Join("; ", options.Value.FalsePositiveReasons)}.");
            RuleFor(x => x.Reason).Must(r => r is null || options.Value.FalsePositiveReasons.Contains(r))
                .When(x => x.Disposition == Disposition.FalsePositive)
                .WithMessage($"Must be one of: {string.Join("; ", options.Value.FalsePositiveReasons)}.");
            RuleFor(x => x.Note).NotEmpty().When(x => x.Disposition == Disposition.FalsePositive)
                .WithMessage("Explain in your own words why this is not the listed institution.");
            RuleFor(x => x.Reason).MaximumLength(200);
            RuleFor(x => x.Note).MaximumLength(4000);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/hits/{hitId:guid}/disposition", Handle).WithName(nameof(RecordHitDisposition))
            .WithSummary("Dispose of a screening hit")
            .WithDescription("Records the reviewer's judgement on one hit (true match or false positive with a reason).")
            .ProducesConflict()
            .RequireAuthorization(Policies.ReviewsAct)
            .Validate<DispositionRequest>();

    public static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, Guid hitId, DispositionRequest request, ResearchSecurityDbContext db, CurrentUser user,
        IOptions<RiskOptions> risk, CancellationToken ct)
    {
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        var hit = await ProposalRisk.HitsFor(db, proposalId).FirstOrDefaultAsync(h => h.Id == hitId, ct);
        if (hit is null) return TypedResults.NotFound();

        var before = new { hit.Disposition, hit.DispositionReason, hit.DispositionNote };
        hit.RecordDisposition(request.Disposition!.Value, request.Reason, request.Note, user.Id, db.Clock.GetUtcNow());
        var riskBefore = proposal.RiskLevel;
        await ProposalRisk.RecalculateAsync(db, proposal, risk.Value, ct);
        db.Audit(AuditEventType.HitDispositioned, nameof(ScreeningHit), hit.Id, proposal.Id,
            AuditChanges.Of(before, new { hit.Disposition, hit.DispositionReason, hit.DispositionNote }), request.Note);
        if (proposal.RiskLevel != riskBefore)
            db.Audit(AuditEventType.RiskAssessed, nameof(Proposal), proposal.Id, proposal.Id,
                AuditChanges.Of(new { RiskLevel = riskBefore }, new { proposal.RiskLevel, proposal.RiskReasons }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetReview.LoadAsync(db, proposal, ct));
    }
}
