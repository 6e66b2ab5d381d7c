using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Pages.Admin.Users;

/// <summary>Creates a user with roles. Without a password the user signs in only through the university's single sign-on.</summary>
public sealed class CreateModel(ApiClient api) : PageModel
{
    [BindProperty]
    public CreateUserRequest Input { get; set; } = new(null, null, null, []);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var user = await api.CreateUserAsync(Input with
            {
                UserName = Input.UserName?.Trim(), Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
                Password = string.IsNullOrEmpty(Input.Password) ? null : Input.Password, Roles = Input.Roles ?? [],
            }, ct);
            TempData["Message"] = $"Created {user.UserName}.";
            return RedirectToPage("Index");
        }
        catch (ApiException e) when (e.IsValidation || e.Status == System.Net.HttpStatusCode.Conflict)
        {
            ModelState.AddApiErrors(e);
            // "roles[2]" names one checkbox; the message belongs on the group.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.Roles[", StringComparison.Ordinal)).ToList())
            {
                foreach (var error in ModelState[key]!.Errors) ModelState.AddModelError("Input.Roles", error.ErrorMessage);
                ModelState.Remove(key);
            }
            return Page();
        }
    }
}
