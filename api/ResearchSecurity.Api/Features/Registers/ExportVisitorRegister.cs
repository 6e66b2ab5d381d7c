using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Registers;

namespace ResearchSecurity.Api.Features.Registers;

public static class ExportVisitorRegister
{
    /// <summary>The people list's filters plus the visit period: a visit is included when it overlaps [from, to].</summary>
    public sealed record VisitorRegisterRequest(string? Q, string? Country, DateOnly? From, DateOnly? To, Guid? ProposalId);

    public sealed class Validator : AbstractValidator<VisitorRegisterRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Country).CountryCode();
            RuleFor(x => x.Q).MaximumLength(200);
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
                .WithMessage("'to' must not be before 'from'.");
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/visitors", ([AsParameters] VisitorRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .RequireAuthorization(Policies.PeopleRead)
            .WithName(nameof(ExportVisitorRegister))
            .WithSummary("Export the visiting-researchers register")
            .WithDescription("One row per visit of a person the caller may see, with visit dates, host department and host PI, as an Excel workbook. Filters: the people list's q and country, the visit period (from, to: visits overlapping it) and proposalId. Audited.")
            .Validate<VisitorRegisterRequest>()
            .ProducesWorkbook();

    public static Task<FileStreamHttpResult> Handle(VisitorRegisterRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var people = People.ListPeople.Filter(request.Q, request.Country, db, user);
        var visits = db.Visits.AsQueryable();
        if (request.From is { } from) visits = visits.Where(v => v.EndDate >= from);
        if (request.To is { } to) visits = visits.Where(v => v.StartDate <= to);
        if (request.ProposalId is { } proposalId) visits = visits.Where(v => v.ProposalId == proposalId);
        return RegisterFile.SendAsync("visitors", VisitorRegister.Sheet(visits, people),
            [("q", request.Q), ("country", request.Country), ("from", request.From?.ToString("yyyy-MM-dd")), ("to", request.To?.ToString("yyyy-MM-dd")),
             ("proposalId", request.ProposalId?.ToString())], db, user, ct);
    }
}
