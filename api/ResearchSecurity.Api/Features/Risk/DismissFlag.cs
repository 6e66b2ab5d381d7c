using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Features.Reviews;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Api.Features.Risk;

/// <summary>
/// A reviewer dismisses a red flag with a reason (for Canada's STRAC rule, the recorded exception). The dismissal, its
/// audit event and the re-derived risk level are saved together; the flag stays dismissed until its evidence changes.
/// </summary>
public static class DismissFlag
{
    public sealed record DismissRequest(string? Reason);

    public sealed class Validator : AbstractValidator<DismissRequest>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why this flag does not apply.").MaximumLength(4000);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{proposalId:guid}/flags/{flagId:guid}/dismiss", Handle).WithName(nameof(DismissFlag))
            .WithSummary("Dismiss a risk flag")
            .WithDescription("A reviewer dismisses an open risk flag with a reason.")
            .ProducesConflict()
            .Validate<DismissRequest>();

    public static async Task<Results<Ok<ProposalRiskResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        Guid proposalId, Guid flagId, DismissRequest request, ResearchSecurityDbContext db, CurrentUser user, IOptions<RiskOptions> risk, CancellationToken ct)
    {
        var (proposal, refusal) = await ReviewAccess.LoadForActionAsync(db, proposalId, user, ct);
        if (proposal is null) return refusal!;
        var flag = await db.RiskFlags.FirstOrDefaultAsync(f => f.Id == flagId && f.ProposalId == proposalId, ct);
        if (flag is null) return TypedResults.NotFound();

        flag.Dismiss(user.Id, request.Reason!, db.Clock.GetUtcNow());
        var levelBefore = proposal.RiskLevel;
        await ProposalRisk.RecalculateAsync(db, proposal, risk.Value, ct);
        db.Audit(AuditEventType.RiskFlagDismissed, nameof(RiskFlag), flag.Id, proposal.Id,
            AuditChanges.Of(new { Status = nameof(FlagStatus.Open) }, new { Status = flag.Status.ToString(), flag.Rule, flag.EvidenceHash }), request.Reason);
        if (proposal.RiskLevel != levelBefore)
            db.Audit(AuditEventType.RiskAssessed, nameof(Proposal), proposal.Id, proposal.Id,
                AuditChanges.Of(new { RiskLevel = levelBefore }, new { proposal.RiskLevel, proposal.RiskReasons }), $"Flag {flag.Rule} dismissed.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await RiskProjection.LoadAsync(db, proposal, withholdCrossRecord: false, ct));
    }
}
