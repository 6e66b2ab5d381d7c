using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Infrastructure;

namespace ResearchSecurity.Web.Pages.Account;

/// <summary>Ends the web session and, through the end-session endpoint, the API's sign-in session too.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/" }, WebAuthentication.CookieScheme, WebAuthentication.OidcScheme);
}
