using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>Step 1 of the guided form: the proposal itself. Saving creates the draft (or updates it) and moves on.</summary>
public sealed class EditModel(ApiClient api) : PageModel
{
    public sealed class ProposalInput
    {
        [Display(Name = "Title")] public string? Title { get; set; }
        [Display(Name = "Summary")] public string? Summary { get; set; }
        public List<string> TechnologyAreas { get; set; } = [];
        [Display(Name = "Planned start")] public DateOnly? PlannedStart { get; set; }
        [Display(Name = "Planned end")] public DateOnly? PlannedEnd { get; set; }
    }

    [BindProperty] public ProposalInput Input { get; set; } = new();
    [BindProperty] public string? Fingerprint { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public Guid? Id { get; private set; }
    public IReadOnlyList<TechnologyArea> Areas { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var p = await api.GetProposalAsync(existing, ct);
            Input = new ProposalInput { Title = p.Title, Summary = p.Summary, TechnologyAreas = [.. p.TechnologyAreas], PlannedStart = p.PlannedStart, PlannedEnd = p.PlannedEnd };
            Fingerprint = ProposalForms.Fingerprint(Details(p));
        }
        Areas = await api.ListTechnologyAreasAsync(ct);
    }

    private static object Details(ProposalResponse p) => new { p.Title, p.Summary, p.TechnologyAreas, p.PlannedStart, p.PlannedEnd };

    private async Task<string> CurrentETagAsync(Guid id, CancellationToken ct)
    {
        var current = await api.GetProposalAsync(id, ct);
        return ProposalForms.ETagFor(current, Fingerprint, Details(current));
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var request = new ProposalRequest(ProposalForms.Trim(Input.Title), ProposalForms.Trim(Input.Summary), Input.TechnologyAreas,
            Input.PlannedStart, Input.PlannedEnd, null, null, null);
        try
        {
            var saved = id is { } existing
                ? await api.UpdateProposalAsync(existing, await CurrentETagAsync(existing, ct), request, ct)
                : await api.CreateProposalAsync(request with { Partners = [], Members = [], FundingSources = [] }, IdempotencyKey, ct);
            return RedirectToPage("/Proposals/Partners", new { id = saved.Id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddApiErrors(e);
            Areas = await api.ListTechnologyAreasAsync(ct);
            return Page();
        }
    }
}
