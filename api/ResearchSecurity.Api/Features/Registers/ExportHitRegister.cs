using ResearchSecurity.Core.Registers;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Features.Registers;

public static class ExportHitRegister
{
    public sealed record HitRegisterRequest(Guid? ProposalId, HitStatus? Status, Disposition? Disposition, string? WatchlistId, double? MinScore);

    public sealed class Validator : AbstractValidator<HitRegisterRequest>
    {
        public Validator()
        {
            RuleFor(x => x.MinScore).InclusiveBetween(0, 1);
            RuleFor(x => x.WatchlistId).MaximumLength(100);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/hits", ([AsParameters] HitRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .RequireAuthorization(Policies.ReviewsRead)
            .WithName(nameof(ExportHitRegister))
            .WithSummary("Export the screening-hits register")
            .WithDescription("Every screening hit with the text screened, the listed entity, list and version, alias matched, score and disposition, as an Excel workbook. Filters: proposalId, status, disposition, watchlistId, minScore. Reviewers and auditors. Audited.")
            .Validate<HitRegisterRequest>()
            .ProducesWorkbook();

    public static Task<FileStreamHttpResult> Handle(HitRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var hits = db.ScreeningHits.AsQueryable();
        if (request.ProposalId is { } proposalId) hits = hits.Where(h => h.ProposalId == proposalId);
        if (request.Status is { } status) hits = hits.Where(h => h.Status == status);
        if (request.Disposition is { } disposition) hits = hits.Where(h => h.Disposition == disposition);
        if (!string.IsNullOrEmpty(request.WatchlistId)) hits = hits.Where(h => h.WatchlistId == request.WatchlistId);
        if (request.MinScore is { } minScore) hits = hits.Where(h => h.Score >= minScore);
        return RegisterFile.SendAsync("hits", HitRegister.Sheet(hits, db),
            [("proposalId", request.ProposalId?.ToString()), ("status", request.Status?.ToString()), ("disposition", request.Disposition?.ToString()),
             ("watchlistId", request.WatchlistId), ("minScore", request.MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture))], db, user, ct);
    }
}
