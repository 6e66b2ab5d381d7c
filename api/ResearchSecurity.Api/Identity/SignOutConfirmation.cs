using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// /connect/endsession. A request with a valid id_token_hint for the signed-in user (what the web app sends) signs out
/// at once; any other request (a link or image on some page) gets a confirmation page whose POST carries an
/// antiforgery token. Signing out ends the user's access tokens (new security stamp) and revokes their refresh tokens.
/// </summary>
public static class SignOutConfirmation
{
    private const string ConfirmField = "confirm";

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var signedIn = cookie.Succeeded ? CurrentUser.IdOf(cookie.Principal) : null;
        if (signedIn is not null && !await IsConfirmedAsync(http, request, signedIn))
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form[ConfirmField] == "yes")
                return TypedResults.Problem(title: "Sign-out not confirmed", detail: "The confirmation form expired; load it again.", statusCode: StatusCodes.Status400BadRequest);
            return ConfirmationPage(http, request);
        }

        if (signedIn is not null)
        {
            var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByIdAsync(signedIn) is { } user)
            {
                await UserTokenState.RevokeAllAsync(users, user);
                await http.RequestServices.GetRequiredService<IOpenIddictTokenManager>().RevokeBySubjectAsync(user.Id, http.RequestAborted);
                await http.RequestServices.GetRequiredService<ResearchSecurityDbContext>()
                    .RecordAsync(AuditEventType.UserSignedOut, user.Id, null, null, request.IdTokenHint is null ? "confirmed" : "id_token_hint", http.RequestAborted);
            }
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        // OpenIddict redirects to the client's registered post_logout_redirect_uri when one was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<bool> IsConfirmedAsync(HttpContext http, OpenIddictRequest request, string signedIn)
    {
        if (request.IdTokenHint is not null)
        {
            // OpenIddict has validated the hint (signature, issuer); it must name the user whose session ends.
            var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (hint.Principal?.GetClaim(Claims.Subject) == signedIn) return true;
        }
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType || http.Request.Form[ConfirmField] != "yes") return false;
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }

    private static IResult ConfirmationPage(HttpContext http, OpenIddictRequest request)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        var fields = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is ConfirmField or "__RequestVerificationToken" || value.ToString() is not { } text) continue;
            fields.Append($"""<input type="hidden" name="{e.Encode(name)}" value="{e.Encode(text)}">""");
        }
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign out · ResearchSecurity</title></head>
            <body>
            <main>
            <h1>Sign out?</h1>
            <p>Do you want to sign out of ResearchSecurity?</p>
            <form method="post" action="/{OidcEndpoints.EndSession}">
            <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? string.Empty)}">
            <input type="hidden" name="{ConfirmField}" value="yes">
            {fields}
            <p><button type="submit">Sign out</button></p>
            </form>
            </main>
            </body>
            </html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);
    }
}
