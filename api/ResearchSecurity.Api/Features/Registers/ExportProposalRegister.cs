using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Registers;
using static ResearchSecurity.Api.Features.Proposals.ListProposals;

namespace ResearchSecurity.Api.Features.Registers;

public static class ExportProposalRegister
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/proposals", ([AsParameters] ListProposalsRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .RequireAuthorization(Policies.ProposalsRead)
            .WithName(nameof(ExportProposalRegister))
            .WithSummary("Export the proposals register")
            .WithDescription("The proposals the caller may see as an Excel workbook, with the filters of the proposal list (status, ownerId, country, technologyArea, q; paging ignored). Audited.")
            .Validate<ListProposalsRequest>()
            .ProducesWorkbook();

    public static Task<FileStreamHttpResult> Handle(ListProposalsRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
        RegisterFile.SendAsync("proposals", ProposalRegister.Sheet(Filter(request, db, user)),
            [("status", request.Status?.ToString()), ("ownerId", request.OwnerId), ("country", request.Country),
             ("technologyArea", request.TechnologyArea), ("q", request.Q)], db, user, ct);
}
