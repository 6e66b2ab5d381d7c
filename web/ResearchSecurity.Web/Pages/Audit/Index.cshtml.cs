using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Audit;

/// <summary>
/// The audit log with the API's filters (proposal, subject, actor, event type, time window), newest first and paged
/// as the API pages it; a proposal's trail can be downloaded as JSON or Excel through the web host.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public Guid? ProposalId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActorId { get; set; }
    [BindProperty(SupportsGet = true)] public string? EventType { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PagedList<AuditEventResponse> Events { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>User names by id, so the log says who rather than an id (auditors may read the user list).</summary>
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = api.ListUsersAsync(1, 100, ct: ct);
        if (!string.IsNullOrEmpty(EventType) && !AuditEventTypes.All.Contains(EventType))
            ModelState.AddModelError(nameof(EventType), "Choose an event type from the list.");
        if (ModelState.IsValid)
        {
            try
            {
                Events = await api.SearchAuditEventsAsync(Filter(), ct);
            }
            catch (ApiException e) when (e.IsValidation)
            {
                ModelState.AddApiErrors(e, prefix: string.Empty);
            }
        }
        UserNames = (await users).Items.ToDictionary(u => u.Id, u => u.UserName, StringComparer.Ordinal);
    }

    /// <summary>The proposal's trail as the API's file, handed on so the token stays on the server.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid proposalId, AuditExportFormat format, CancellationToken ct)
    {
        var (content, contentType, fileName) = await api.ExportAuditTrailAsync(proposalId, format, ct);
        return File(content, contentType, fileName ?? $"audit-trail-{proposalId}.{format.ToString().ToLowerInvariant()}");
    }

    public string Actor(string actorId) => UserNames.TryGetValue(actorId, out var name) ? name : actorId;

    public object RouteFor(int pageNumber) => new
    {
        proposalId = ProposalId, subjectId = SubjectId, actorId = ActorId, eventType = EventType,
        from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), pageNumber,
    };

    private AuditFilter Filter() => new(ProposalId, SubjectId, string.IsNullOrWhiteSpace(ActorId) ? null : ActorId.Trim(),
        string.IsNullOrEmpty(EventType) ? null : EventType,
        From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } t ? new DateTimeOffset(t.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null,
        Math.Max(1, PageNumber), PageSize);
}
