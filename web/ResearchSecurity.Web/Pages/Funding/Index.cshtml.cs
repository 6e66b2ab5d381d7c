using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Funding;

/// <summary>Funding sources across all proposals, filtered, sorted and paged as the API does it.</summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ProposalId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PagedList<FundingSourceResponse> Funding { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Sort is not null && !ApiClient.FundingSorts.Contains(Sort)) Sort = null;
        if (!ModelState.IsValid) return;
        try
        {
            Funding = await api.SearchFundingSourcesAsync(new FundingFilter(Blank(Q), Blank(Country)?.ToUpperInvariant(), ProposalId, Sort,
                Math.Max(1, PageNumber), PageSize), ct);
        }
        catch (ApiException e) when (e.IsValidation)
        {
            ModelState.AddApiErrors(e, prefix: string.Empty);
        }
    }

    /// <summary>The sort a column header links to: ascending first, descending when already ascending.</summary>
    public string NextSort(string field) => Sort == field ? "-" + field : field;

    public string? AriaSort(string field) => Sort == field ? "ascending" : Sort == "-" + field ? "descending"
        : field == "createdAt" && Sort is null ? "descending" : null;

    public Dictionary<string, string> Route(int? pageNumber = null, string? sort = null)
    {
        var values = new Dictionary<string, string>();
        if (Blank(Q) is { } q) values["q"] = q;
        if (Blank(Country) is { } c) values["country"] = c;
        if (ProposalId is { } p) values["proposalId"] = p.ToString();
        if ((sort ?? Sort) is { } s) values["sort"] = s;
        values["pageNumber"] = (pageNumber ?? 1).ToString();
        return values;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
