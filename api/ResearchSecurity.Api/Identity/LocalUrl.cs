using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// ASP.NET Core's local-URL rule (UrlHelperBase.IsLocalUrl, the check behind LocalRedirect): "/path" or "~/path",
/// never "//host", "/\host" or a control character after the slash, such as "/\t/evil.example".
/// </summary>
public static class LocalUrl
{
    private static readonly UrlHelper Rule = new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    public static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && Rule.IsLocalUrl(url);
}
