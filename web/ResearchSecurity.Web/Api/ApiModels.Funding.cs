namespace ResearchSecurity.Web.Api;

// Grant officer screens: funding sources across proposals.

public sealed record FundingFilter(string? Q, string? Country, Guid? ProposalId, string? Sort, int Page = 1, int PageSize = 25);
