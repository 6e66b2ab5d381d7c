using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Funding;

/// <summary>
/// One proposal's funding and the hits on its funder, sponsor and payer names (a grant officer's screening view: the
/// API gives grant officers the funding-related hits only).
/// </summary>
public sealed class HitsModel(ApiClient api) : PageModel
{
    public Guid ProposalId { get; private set; }
    public ProposalScreening Screening { get; private set; } = null!;
    public IReadOnlyList<FundingSourceResponse> Funding { get; private set; } = [];

    public async Task OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        ProposalId = proposalId;
        var screening = api.GetScreeningAsync(proposalId, ct);
        var funding = api.SearchFundingSourcesAsync(new FundingFilter(null, null, proposalId, "funderName", 1, 100), ct);
        Screening = await screening;
        Funding = (await funding).Items;
    }

    public static string FieldName(string field) => field.ToLowerInvariant() switch
    {
        var f when f.Contains("sponsor") => "Sponsor",
        var f when f.Contains("payer") => "Payer",
        var f when f.Contains("funder") => "Funder",
        _ => Infrastructure.Display.Words(field),
    };
}
