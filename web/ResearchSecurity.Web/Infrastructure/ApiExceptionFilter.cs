using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>
/// API refusals that a page did not handle itself: 401 signs the user in again (and returns to the page), 403 and
/// 404 show the 403 page — the API answers 404 for records the caller may not see, and the user should not learn
/// more than "not yours". 429 (the API's per-user rate limit) shows the "too many requests" page with the same status,
/// never an error page.
/// </summary>
public sealed class ApiExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not ApiException api) return;
        context.Result = api.Status switch
        {
            HttpStatusCode.Unauthorized => new ChallengeResult(WebAuthentication.OidcScheme,
                new AuthenticationProperties { RedirectUri = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString }),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new StatusCodeResult(StatusCodes.Status403Forbidden),
            HttpStatusCode.TooManyRequests => new StatusCodeResult(StatusCodes.Status429TooManyRequests),
            _ => null,
        };
        context.ExceptionHandled = context.Result is not null;
    }
}
