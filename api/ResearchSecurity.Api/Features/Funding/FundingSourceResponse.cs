using System.Linq.Expressions;
using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

public sealed record FundingSourceResponse(
    Guid Id, Guid? ProposalId, Guid? PersonId, string FunderName, string? Sponsor, string? Payer, string Country,
    decimal? Amount, string? Currency, string? InKindDescription, string OwnerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag);

public static class FundingProjection
{
    public static readonly Expression<Func<FundingSource, FundingSourceResponse>> ToResponse = f => new FundingSourceResponse(
        f.Id, f.ProposalId, f.PersonId, f.FunderName, f.Sponsor, f.Payer, f.Country, f.Amount, f.Currency, f.InKindDescription,
        f.OwnerId, f.CreatedAt, f.UpdatedAt, "\"" + f.Version + "\"");
}
