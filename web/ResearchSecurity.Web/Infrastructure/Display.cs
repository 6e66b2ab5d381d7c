using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>Words for the API's codes: every coloured badge also says what it means in text.</summary>
public static partial class Display
{
    public static string Words(string code) => SplitWords().Replace(code, " $1").Trim() is var s && s.Length > 0
        ? char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant() : s;

    public static string Status(ProposalStatus s) => s switch
    {
        ProposalStatus.InReview => "In review",
        ProposalStatus.InfoRequested => "Information requested",
        ProposalStatus.ApprovedWithConditions => "Approved with conditions",
        _ => Words(s.ToString()),
    };

    public static string Risk(RiskLevel r) => r == RiskLevel.None ? "No risk found" : $"{r} risk";

    public static string RiskClass(RiskLevel r) => "risk risk-" + r.ToString().ToLowerInvariant();

    public static string StatusClass(ProposalStatus s) => "status status-" + s.ToString().ToLowerInvariant();

    public static string Disposition(Api.Disposition d) => d switch
    {
        Api.Disposition.None => "Not yet dispositioned",
        Api.Disposition.TrueMatch => "True match",
        Api.Disposition.FalsePositive => "False positive",
        _ => "Needs information",
    };

    public static string DispositionClass(Api.Disposition d) => "hitstate hitstate-" + d.ToString().ToLowerInvariant();

    public static string Score(double score) => score.ToString("0.00", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? d) => d?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>Server-side text in the request culture (UTC); site.js rewrites it into the browser's time zone.</summary>
    public static string DateTime(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC" : "—";

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}

/// <summary><c>&lt;local-time value="..."&gt;</c>: a &lt;time&gt; element with the ISO value and locale text.</summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } v)
        {
            output.TagName = "span";
            output.Content.SetContent("—");
            return;
        }
        output.Attributes.SetAttribute("datetime", v.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("data-local", "datetime");
        output.Content.SetContent(Display.DateTime(v));
    }
}
