using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Registers;

/// <summary>
/// The registers as Excel downloads, each with its main filters. A user sees the registers their role reads (the API
/// applies the same rule and filters the rows to what the user may see).
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public sealed record Register(string Name, string Title, string Description, string[] Roles);

    public static readonly IReadOnlyList<Register> All =
    [
        new("proposals", "Proposals", "Every proposal you may see, with partners, partner countries, risk and dates.",
            [Infrastructure.Roles.Investigator, Infrastructure.Roles.IntegrityReviewer, Infrastructure.Roles.Auditor]),
        new("visitors", "Visiting researchers", "One row per visit: the visitor, their current affiliations, host department and PI, visit dates.",
            [Infrastructure.Roles.Investigator, Infrastructure.Roles.IntegrityReviewer, Infrastructure.Roles.Auditor]),
        new("funding-sources", "Funding sources", "Funder, sponsor and payer, amount (a number) and currency.",
            [Infrastructure.Roles.Investigator, Infrastructure.Roles.IntegrityReviewer, Infrastructure.Roles.GrantOfficer, Infrastructure.Roles.Auditor]),
        new("hits", "Screening hits", "Each hit with the text screened, the listed entity, list version, alias, score and disposition.",
            [Infrastructure.Roles.IntegrityReviewer, Infrastructure.Roles.Auditor]),
        new("decisions", "Decisions", "Each decision with its rationale, four-eyes confirmation and conditions.",
            [Infrastructure.Roles.IntegrityReviewer, Infrastructure.Roles.Auditor]),
    ];

    public IReadOnlyList<Register> Available { get; private set; } = [];

    public string? Error { get; private set; }

    public void OnGet() => Available = All.Where(r => r.Roles.Any(User.IsInRole)).ToList();

    /// <summary>Streams the workbook the API made; a refused filter comes back as the page with the API's message.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string register, string? status, string? country, DateOnly? from, DateOnly? to,
        string? disposition, string? outcome, CancellationToken ct)
    {
        if (!ApiClient.Registers.Contains(register)) return NotFound();
        try
        {
            var (content, contentType, fileName) = await api.DownloadRegisterAsync(register,
            [
                ("status", status), ("country", country?.Trim().ToUpperInvariant()), ("from", from?.ToString("yyyy-MM-dd")),
                ("to", to?.ToString("yyyy-MM-dd")), ("disposition", disposition), ("outcome", outcome),
            ], ct);
            return File(content, contentType, fileName ?? $"{register}-register.xlsx");
        }
        catch (ApiException e) when (e.IsValidation)
        {
            OnGet();
            Error = string.Join(" ", e.Problem.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}")));
            return Page();
        }
    }
}
