using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Step 2: partner organisations. Saved rows plus blank ones; a row can be removed with its checkbox.</summary>
public sealed class PartnersModel(ApiClient api) : PageModel
{
    public sealed class PartnerRow
    {
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public string? Country { get; set; }
        public string? Website { get; set; }
        public string? ContactEmail { get; set; }
        public PartnerRole? Role { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class PartnersInput
    {
        public List<PartnerRow> Partners { get; set; } = [];
    }

    [BindProperty] public PartnersInput Input { get; set; } = new();
    [BindProperty] public string? Fingerprint { get; set; }
    public ProposalResponse Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        Fingerprint = ProposalForms.Fingerprint(Proposal.Partners);
        Input.Partners = Proposal.Partners.Select(p => new PartnerRow { Id = p.Id, Name = p.Name, Country = p.Country, Website = p.Website, ContactEmail = p.ContactEmail, Role = p.Role }).ToList();
        AddBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? next, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        var rows = new Forms.RowMap("partners", "partners");
        var partners = new List<PartnerRequest>();
        for (var i = 0; i < Input.Partners.Count; i++)
        {
            var r = Input.Partners[i];
            if (r.Remove || (r.Id is null && ProposalForms.Blank(r.Name, r.Country, r.Website, r.ContactEmail))) continue;
            rows.Sent(i);
            partners.Add(new PartnerRequest(r.Id, ProposalForms.Trim(r.Name), ProposalForms.Trim(r.Country)?.ToUpperInvariant(), ProposalForms.Trim(r.Website), null,
                ProposalForms.Trim(r.ContactEmail), null, r.Role ?? PartnerRole.Partner));
        }
        try
        {
            await api.UpdateProposalAsync(id, ProposalForms.ETagFor(Proposal, Fingerprint, Proposal.Partners), ProposalForms.Keep(Proposal) with { Partners = partners }, ct);
            return next == "back" ? RedirectToPage("/Proposals/Edit", new { id }) : next == "stay" ? RedirectToPage(new { id }) : RedirectToPage("/Proposals/People", new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddApiErrors(e, "Input", rows);
            return Page();
        }
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < ProposalForms.BlankRows; i++) Input.Partners.Add(new PartnerRow());
    }
}
