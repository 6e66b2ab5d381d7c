using System.Globalization;

namespace ResearchSecurity.Web.Api;

// Grant officer calls: funding sources with the API's filters and sorts (the funding hits come from the proposal's screening).
public sealed partial class ApiClient
{
    public static readonly IReadOnlyList<string> FundingSorts = ["funderName", "-funderName", "amount", "-amount", "createdAt", "-createdAt"];

    public Task<PagedList<FundingSourceResponse>> SearchFundingSourcesAsync(FundingFilter filter, CancellationToken ct = default) =>
        GetAsync<PagedList<FundingSourceResponse>>(Query("api/v1/funding-sources",
            ("page", filter.Page.ToString(CultureInfo.InvariantCulture)), ("pageSize", filter.PageSize.ToString(CultureInfo.InvariantCulture)),
            ("q", filter.Q), ("country", filter.Country), ("proposalId", filter.ProposalId?.ToString()), ("sort", filter.Sort)), ct);
}
