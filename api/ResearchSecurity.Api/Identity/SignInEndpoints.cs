using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// The server-rendered sign-in form behind the authorize endpoint. Anonymous by design. Form posts are
/// antiforgery-checked (minimal APIs validate [FromForm] bodies), failures count towards lockout, and the
/// return URL must be local so the page cannot be used as an open redirect.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string InvalidCredentialsMessage = "Invalid sign-in name or password.";
    public const string LockedOutMessage = "This account is locked. Try again later or ask an administrator.";

    private static readonly Lazy<string> UnknownUserHash =
        new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public sealed record SignInForm(string? UserName, string? Password, string? ReturnUrl);

    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/signin", (string? returnUrl, HttpContext http, IAntiforgery antiforgery, IOptions<AuthOptions> auth) =>
            Page(http, antiforgery, auth.Value, returnUrl, error: null, StatusCodes.Status200OK));
        group.MapPost("/signin", SignInAsync);
        ExternalSignIn.Map(group);
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext http, IAntiforgery antiforgery,
        IOptions<AuthOptions> auth, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ResearchSecurityDbContext records,
        Microsoft.Extensions.Caching.Memory.IMemoryCache failures, CancellationToken ct)
    {
        var returnUrl = LocalOrDefault(form.ReturnUrl);
        var user = string.IsNullOrWhiteSpace(form.UserName) ? null : await users.FindByNameAsync(form.UserName.Trim());
        if (user is null || string.IsNullOrEmpty(form.Password))
        {
            // Hash anyway, so an unknown sign-in name answers as slowly as a wrong password and names cannot be probed.
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), UnknownUserHash.Value, form.Password ?? string.Empty);
            await records.RecordAsync(AuditEventType.UserSignInFailed, null, null, null, "unknown sign-in name", ct);
            // An unknown name "locks out" after as many failures as a real one, so the answers cannot tell them apart.
            return UnknownNameLockout.Fail(failures, form.UserName, auth.Value.Lockout)
                ? Page(http, antiforgery, auth.Value, returnUrl, LockedOutMessage, StatusCodes.Status423Locked)
                : Page(http, antiforgery, auth.Value, returnUrl, InvalidCredentialsMessage, StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        await records.RecordAsync(result.Succeeded ? AuditEventType.UserSignedIn : AuditEventType.UserSignInFailed, user.Id, null, null,
            result.Succeeded ? "password" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password", ct);
        if (result.Succeeded) return TypedResults.LocalRedirect(returnUrl);
        return result.IsLockedOut
            ? Page(http, antiforgery, auth.Value, returnUrl, LockedOutMessage, StatusCodes.Status423Locked)
            : Page(http, antiforgery, auth.Value, returnUrl, InvalidCredentialsMessage, StatusCodes.Status400BadRequest);
    }

    /// <summary>The framework's own local-URL rule (the one LocalRedirect enforces), so a URL it would refuse never reaches it.</summary>
    internal static string LocalOrDefault(string? url) => LocalUrl.IsLocal(url) ? url! : "/";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, AuthOptions auth, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        var local = LocalOrDefault(returnUrl);
        var external = auth.External.Enabled
            ? $"""<p><a href="{e.Encode($"{ExternalSignIn.StartPath}?returnUrl={Uri.EscapeDataString(local)}")}">Sign in with {e.Encode(auth.External.DisplayName)}</a></p>"""
            : string.Empty;
        var message = error is null ? string.Empty : $"""<p role="alert">{e.Encode(error)}</p>""";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · ResearchSecurity</title></head>
            <body>
            <main>
            <h1>Sign in</h1>
            {message}
            <form method="post" action="{SignInPath}">
            <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? string.Empty)}">
            <input type="hidden" name="returnUrl" value="{e.Encode(local)}">
            <p><label>Sign-in name <input name="userName" autocomplete="username" required></label></p>
            <p><label>Password <input type="password" name="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            {external}
            </main>
            </body>
            </html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
