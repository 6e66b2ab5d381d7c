using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Registers;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Registers;

public static class ExportDecisionRegister
{
    public sealed record DecisionRegisterRequest(ProposalStatus? Outcome, DecisionState? State, DateOnly? DecidedFrom, DateOnly? DecidedTo);

    public sealed class Validator : AbstractValidator<DecisionRegisterRequest>
    {
        public Validator() =>
            RuleFor(x => x.DecidedTo).GreaterThanOrEqualTo(x => x.DecidedFrom).When(x => x.DecidedFrom is not null && x.DecidedTo is not null)
                .WithMessage("'decidedTo' must not be before 'decidedFrom'.");
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/decisions", ([AsParameters] DecisionRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .RequireAuthorization(Policies.ReviewsRead)
            .WithName(nameof(ExportDecisionRegister))
            .WithSummary("Export the decisions register")
            .WithDescription("Every review decision with its rationale, risk at decision, four-eyes confirmation and conditions, as an Excel workbook. Filters: outcome, state, decidedFrom, decidedTo (UTC dates, inclusive). Reviewers and auditors. Audited.")
            .Validate<DecisionRegisterRequest>()
            .ProducesWorkbook();

    public static Task<FileStreamHttpResult> Handle(DecisionRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var decisions = db.ReviewDecisions.AsQueryable();
        if (request.Outcome is { } outcome) decisions = decisions.Where(d => d.Outcome == outcome);
        if (request.State is { } state) decisions = decisions.Where(d => d.State == state);
        if (request.DecidedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            decisions = decisions.Where(d => d.DecidedAt >= start);
        }
        if (request.DecidedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            decisions = decisions.Where(d => d.DecidedAt < end);
        }
        return RegisterFile.SendAsync("decisions", DecisionRegister.Sheet(decisions, db.Proposals.IgnoreAutoIncludes()),
            [("outcome", request.Outcome?.ToString()), ("state", request.State?.ToString()),
             ("decidedFrom", request.DecidedFrom?.ToString("yyyy-MM-dd")), ("decidedTo", request.DecidedTo?.ToString("yyyy-MM-dd"))], db, user, ct);
    }
}
