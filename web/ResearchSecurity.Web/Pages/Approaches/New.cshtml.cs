using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Approaches;

/// <summary>The report form. The API validates; its field errors are shown beside the fields.</summary>
public sealed class NewModel(ApiClient api) : PageModel
{
    public sealed class ReportForm
    {
        public string? ApproacherName { get; set; }
        public string? ApproacherOrganisation { get; set; }
        public string? ApproacherEmail { get; set; }
        public string? ApproacherPhone { get; set; }
        public string? Country { get; set; }
        public ApproachChannel? Channel { get; set; }
        public List<string> Asks { get; set; } = [];
        public DateOnly? ApproachedOn { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public ReportForm Report { get; set; } = new();
    /// <summary>Sent with the form so a double submit files one report (the API's Idempotency-Key).</summary>
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString();
    [TempData] public string? Message { get; set; }

    public void OnGet() => Report.ApproachedOn ??= DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var r = Report;
        try
        {
            var filed = await api.FileApproachReportAsync(new ApproachReportRequest(Blank(r.ApproacherName), Blank(r.ApproacherOrganisation),
                Blank(r.ApproacherEmail), Blank(r.ApproacherPhone), Blank(r.Country)?.ToUpperInvariant(), r.Channel, r.Asks, r.ApproachedOn,
                Blank(r.Description)), IdempotencyKey, ct);
            Message = "Thank you. Your report was sent to the research-integrity office.";
            return RedirectToPage("Report", new { id = filed.Id });
        }
        catch (ApiException e) when (e.IsValidation)
        {
            ModelState.AddApiErrors(e, "Report");
            return Page();
        }
    }
}
