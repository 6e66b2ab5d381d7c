using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResearchSecurity.Web.Pages;

/// <summary>The error pages: 403 (not yours, or not for your role), 404, 429 (rate limit) and anything else.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        (Heading, Message) = code switch
        {
            403 => ("403 — Not available to you", "You are signed in, but this page or record is not available to your role or account."),
            404 => ("404 — Page not found", "There is no page at this address."),
            429 => ("429 — Too many requests", "You have made many requests in a short time. Wait a minute, then try again."),
            _ => ("Something went wrong", "The request could not be completed. Try again; if it keeps failing, tell an administrator."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
    }
}
