using ResearchSecurity.Core.Registers;
using static ResearchSecurity.Api.Features.Funding.ListFundingSources;

namespace ResearchSecurity.Api.Features.Registers;

public static class ExportFundingRegister
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/funding-sources", ([AsParameters] ListFundingSourcesRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
                Handle(request, db, user, ct))
            .RequireAuthorization(Policies.FundingRead)
            .WithName(nameof(ExportFundingRegister))
            .WithSummary("Export the funding register")
            .WithDescription("The funding sources the caller may see as an Excel workbook (amounts as numbers beside their currency), with the filters of the funding list (proposalId, personId, country, q). Audited.")
            .Validate<ListFundingSourcesRequest>()
            .ProducesWorkbook();

    public static Task<FileStreamHttpResult> Handle(ListFundingSourcesRequest request, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct) =>
        RegisterFile.SendAsync("funding", FundingRegister.Sheet(Filter(request, db, user)),
            [("proposalId", request.ProposalId?.ToString()), ("personId", request.PersonId?.ToString()), ("country", request.Country), ("q", request.Q)],
            db, user, ct);
}
