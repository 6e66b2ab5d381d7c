using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Audit;

/// <summary>Walks the audit chain on the API and shows whether every event still matches its hash and link.</summary>
public sealed class VerifyModel(ApiClient api) : PageModel
{
    public AuditVerification? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct) => Result = await api.VerifyAuditChainAsync(ct);
}
