using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Review;

/// <summary>
/// The review page of one proposal: risk and its reasons, each hit side by side with the listed entity and the
/// explanation in words, disposition buttons, questions to the investigator, the decision (with conditions), the
/// four-eyes confirmation, and the proposal's history.
/// </summary>
public sealed class ProposalModel(ApiClient api) : PageModel
{
    public sealed class DispositionInput
    {
        public Disposition? Disposition { get; set; }
        public string? Reason { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ConditionRow
    {
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public sealed class DecisionInput
    {
        public ProposalStatus? Outcome { get; set; }
        public string? Rationale { get; set; }
        public List<ConditionRow> Conditions { get; set; } = [];
    }

    public sealed record HitView(ReviewHit Hit, HitExplanation Explanation);

    public static readonly ProposalStatus[] Outcomes = [ProposalStatus.Approved, ProposalStatus.ApprovedWithConditions, ProposalStatus.Rejected];
    public const int ConditionRows = 3;

    [BindProperty] public DispositionInput DispositionForm { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public Guid? QuestionHitId { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [TempData] public string? Message { get; set; }

    public ReviewResponse Review { get; private set; } = null!;
    public IReadOnlyList<HitView> Hits { get; private set; } = [];
    public IReadOnlyList<string> Reasons { get; private set; } = [];
    public Guid? PostedHitId { get; private set; }
    public string? Me => User.FindFirst("sub")?.Value;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>The review dossier as a Word file (the API decides which version this user gets).</summary>
    public async Task<IActionResult> OnGetDossierAsync(Guid id, CancellationToken ct)
    {
        var (content, contentType, fileName) = await api.DownloadDossierAsync(id, ct);
        return File(content, contentType, fileName ?? $"review-dossier-{id}.docx");
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => api.ClaimReviewAsync(id, ct), "The proposal is assigned to you.", ct);

    public Task<IActionResult> OnPostDispositionAsync(Guid id, Guid hitId, CancellationToken ct)
    {
        PostedHitId = hitId;
        var request = new DispositionRequest(DispositionForm.Disposition, Blank(DispositionForm.Reason), Blank(DispositionForm.Note));
        return ActAsync(id, () => api.DispositionHitAsync(id, hitId, request, ct), $"Hit marked as {Infrastructure.Display.Disposition(DispositionForm.Disposition ?? Disposition.None).ToLowerInvariant()}.", ct,
            "DispositionForm", fragment: $"hit-{hitId}");
    }

    public Task<IActionResult> OnPostQuestionAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => api.RequestInformationAsync(id, Blank(Question), QuestionHitId, ct), "Your question was sent to the investigator.", ct, string.Empty);

    public Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken ct)
    {
        var conditions = Decision.Conditions.Where(c => !string.IsNullOrWhiteSpace(c.Description) || !string.IsNullOrWhiteSpace(c.Owner) || c.DueDate is not null)
            .Select(c => new ConditionRequest(Blank(c.Description), Blank(c.Owner), c.DueDate)).ToList();
        var request = new DecisionRequest(Decision.Outcome, Blank(Decision.Rationale), conditions.Count == 0 ? null : conditions);
        return ActAsync(id, () => api.RecordDecisionAsync(id, request, ct), "Decision recorded.", ct, "Decision");
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid decisionId, CancellationToken ct) =>
        ActAsync(id, () => api.ConfirmDecisionAsync(id, decisionId, Blank(Comment), ct), "Decision confirmed; it is now in effect.", ct, string.Empty);

    public Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => api.EscalateReviewAsync(id, Blank(Comment), ct), "The proposal was escalated.", ct, string.Empty);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<ReviewResponse>> action, string done, CancellationToken ct, string prefix = "",
        string? fragment = null)
    {
        try
        {
            await action();
            Message = done;
            return Redirect(Url.Page("/Review/Proposal", new { id }) + (fragment is null ? "" : "#" + fragment));
        }
        catch (ApiException e) when (e.IsValidation || e.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.Forbidden)
        {
            ModelState.AddApiErrors(e, prefix);
            if (e.Status == HttpStatusCode.Forbidden) ModelState.AddModelError(string.Empty, ApiProblemModelState.Describe(e));
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        // One request to the API per page: the review carries each hit's list version and explanation; the reasons
        // are reference data the web host keeps for a while (see ApiClient.DispositionReasonsAsync).
        var reasons = api.DispositionReasonsAsync(ct);
        Review = await api.GetReviewAsync(id, ct);
        Reasons = await reasons;
        Hits = Review.Hits.Select(h => new HitView(h, h.Explanation is { } json ? HitExplanation.From(json) : HitExplanation.Empty)).ToList();
        while (Decision.Conditions.Count < ConditionRows) Decision.Conditions.Add(new ConditionRow());
    }

    /// <summary>The screened text split around the matched part, for highlighting (each part HTML-encoded by Razor).</summary>
    public static (string Before, string Match, string After) Highlight(string text, string segment, string matchedName)
    {
        foreach (var needle in new[] { segment, matchedName })
        {
            if (string.IsNullOrEmpty(needle)) continue;
            var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return (text[..at], text.Substring(at, needle.Length), text[(at + needle.Length)..]);
        }
        return (text, string.Empty, string.Empty);
    }

    public string Who(string? userId) => userId is null ? "—" : userId == Me ? "you" : $"reviewer {userId[..Math.Min(8, userId.Length)]}";

    /// <summary>What happened on this proposal, newest first, from the review record.</summary>
    public IEnumerable<(DateTimeOffset When, string What)> History()
    {
        if (Review.SubmittedAt is { } submitted) yield return (submitted, "Submitted by the investigator");
        foreach (var h in Review.Hits)
        {
            yield return (h.RaisedAt, $"Hit raised: “{h.TextScreened}” against {h.EntityName} ({h.WatchlistId})");
            if (h.ReRaisedAt is { } again) yield return (again, $"Hit raised again: {h.ReRaisedReason}");
            if (h.DisposedAt is { } disposed) yield return (disposed, $"{Infrastructure.Display.Disposition(h.Disposition)} by {Who(h.DisposedBy)}: {h.EntityName}{(h.DispositionReason is null ? "" : $" — {h.DispositionReason}")}");
        }
        foreach (var q in Review.InformationRequests)
        {
            yield return (q.AskedAt, $"Question from {Who(q.AskedBy)}: {q.Question}");
            if (q.AnsweredAt is { } answered) yield return (answered, $"Answered by the investigator: {q.Answer}");
        }
        foreach (var d in Review.Decisions)
        {
            yield return (d.DecidedAt, $"Decision {Infrastructure.Display.Status(d.Outcome).ToLowerInvariant()} by {Who(d.DecidedBy)} at {d.RiskAtDecision} risk");
            if (d.ConfirmedAt is { } confirmed) yield return (confirmed, $"Decision confirmed by {Who(d.ConfirmedBy)}");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
