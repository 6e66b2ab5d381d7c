using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;
using static ResearchSecurity.Web.Pages.Proposals.ProposalForms;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Step 4: who funds the work — funder, sponsor and payer are screened separately.</summary>
public sealed class FundingModel(ApiClient api) : PageModel
{
    public sealed class FundingRow
    {
        public Guid? Id { get; set; }
        public string? FunderName { get; set; }
        public string? Sponsor { get; set; }
        public string? Payer { get; set; }
        public string? Country { get; set; }
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        public string? InKindDescription { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class FundingInput
    {
        public List<FundingRow> FundingSources { get; set; } = [];
    }

    [BindProperty] public FundingInput Input { get; set; } = new();
    [BindProperty] public string? Fingerprint { get; set; }
    public ProposalResponse Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        Fingerprint = ProposalForms.Fingerprint(Proposal.FundingSources.Select(f => f with { ETag = "", UpdatedAt = default }));
        Input.FundingSources = Proposal.FundingSources.Select(f => new FundingRow
        {
            Id = f.Id, FunderName = f.FunderName, Sponsor = f.Sponsor, Payer = f.Payer, Country = f.Country, Amount = f.Amount, Currency = f.Currency,
            InKindDescription = f.InKindDescription,
        }).ToList();
        Input.FundingSources.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new FundingRow()));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? next, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        var rows = new Forms.RowMap("fundingSources", "fundingSources");
        var sources = new List<ProposalFundingRequest>();
        for (var i = 0; i < Input.FundingSources.Count; i++)
        {
            var f = Input.FundingSources[i];
            if (f.Remove || (f.Id is null && Blank(f.FunderName, f.Sponsor, f.Payer, f.Country, f.Currency, f.InKindDescription) && f.Amount is null)) continue;
            rows.Sent(i);
            sources.Add(new ProposalFundingRequest(f.Id, Trim(f.FunderName), Trim(f.Sponsor), Trim(f.Payer), Trim(f.Country)?.ToUpperInvariant(), f.Amount,
                Trim(f.Currency)?.ToUpperInvariant(), Trim(f.InKindDescription)));
        }
        try
        {
            await api.UpdateProposalAsync(id, ETagFor(Proposal, Fingerprint, Proposal.FundingSources.Select(f => f with { ETag = "", UpdatedAt = default })), Keep(Proposal) with { FundingSources = sources }, ct);
            return next == "stay" ? RedirectToPage(new { id }) : next == "back" ? RedirectToPage("/Proposals/People", new { id }) : RedirectToPage("/Proposals/Submit", new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddApiErrors(e, "Input", rows);
            return Page();
        }
    }
}
