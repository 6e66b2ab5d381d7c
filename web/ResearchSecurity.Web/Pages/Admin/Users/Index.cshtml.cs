using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Admin.Users;

/// <summary>
/// Users and their roles: filter by role (in the address), search by name or e-mail (posted, so no personal data
/// lands in an address or a log), set a user's roles, lock or unlock them.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> AllRoles =
        [Roles.Investigator, Roles.IntegrityReviewer, Roles.GrantOfficer, Roles.Administrator, Roles.Auditor];

    public PagedList<UserResponse> Users { get; private set; } = new([], 1, PageSize, 0);

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Search { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(null, ct);

    public async Task OnPostSearchAsync(CancellationToken ct)
    {
        PageNumber = 1;
        await LoadAsync(string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), ct);
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string userName, List<string>? roles, CancellationToken ct) =>
        await ChangeAsync(async () =>
        {
            var user = await api.SetUserRolesAsync(id, roles ?? [], ct);
            return $"{user.UserName} now has the roles: {(user.Roles.Count == 0 ? "none" : string.Join(", ", user.Roles.Select(Display.Words)))}.";
        }, userName, ct);

    public async Task<IActionResult> OnPostLockAsync(string id, string userName, bool locked, CancellationToken ct) =>
        await ChangeAsync(async () =>
        {
            await api.LockUserAsync(id, locked, ct);
            return locked ? $"{userName} is locked: they can no longer sign in." : $"{userName} is unlocked.";
        }, userName, ct);

    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, string userName, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await change();
            return RedirectToPage(new { role = Role, pageNumber = PageNumber });
        }
        catch (ApiException e) when (e.IsValidation || e.Status == System.Net.HttpStatusCode.Conflict)
        {
            foreach (var message in e.Problem.Errors.SelectMany(f => f.Value).DefaultIfEmpty(ApiProblemModelState.Describe(e)))
                ModelState.AddModelError(string.Empty, $"{userName}: {message}");
            await LoadAsync(null, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string? q, CancellationToken ct) =>
        Users = await api.ListUsersAsync(Math.Max(1, PageNumber), PageSize, q, string.IsNullOrEmpty(Role) ? null : Role, ct);
}
