using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;
using Serilog;
using ResearchSecurity.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults("rs-web");
builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.Section))
    .ValidateDataAnnotations()
    .Validate(o => builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") || o.Authority.StartsWith("https://", StringComparison.Ordinal),
        "Web:Authority must be https outside Development and Testing.")
    .ValidateOnStart();
var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();

builder.Services.AddSingleton(TimeProvider.System);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.AddWebAuthentication(web);
builder.Services.AddAuthorization(WebPolicies.Register);
builder.Services.AddApiClient(new Uri(string.IsNullOrEmpty(web.ApiBaseUrl) ? "http://invalid/" : web.ApiBaseUrl));
builder.Services.AddAntiforgery(o =>
{
    // The API on the same host (another port) has its own antiforgery cookie; cookies do not separate ports.
    o.Cookie.Name = "rs.web.antiforgery";
    o.FormFieldName = "__RequestVerificationToken";
    o.HeaderName = "X-CSRF-TOKEN";
});
builder.Services.AddRazorPages(o =>
    {
        foreach (var (folder, policy) in Navigation.Folders) o.Conventions.AuthorizeFolder(folder, policy);
        o.Conventions.AllowAnonymousToPage("/Status");
    })
    .AddMvcOptions(o => o.Filters.Add<ApiExceptionFilter>());

var app = builder.Build();

// Dates and numbers in the user's own locale (Accept-Language); the text of the app is English.
var cultures = CultureInfo.GetCultures(CultureTypes.SpecificCultures | CultureTypes.NeutralCultures)
    .Where(c => !string.IsNullOrEmpty(c.Name)).ToList();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en-US"),
    SupportedCultures = cultures,
    SupportedUICultures = [new CultureInfo("en")],
    FallBackToParentCultures = true,
});

app.UseSecurityHeaders();
app.UseExceptionHandler("/Status/500");
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseStaticFiles();
app.UseSerilogRequestLogging();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapLiveness();
app.MapRazorPages();

_ = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
await app.RunAsync();

public partial class Program;
