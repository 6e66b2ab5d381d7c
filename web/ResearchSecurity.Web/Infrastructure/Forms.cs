using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ResearchSecurity.Web.Api;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>Choices for the forms' select lists, in words.</summary>
public static class Forms
{
    public static IEnumerable<SelectListItem> Options<TEnum>(TEnum? selected = null, string? empty = null) where TEnum : struct, Enum
    {
        if (empty is not null) yield return new SelectListItem(empty, string.Empty, selected is null);
        foreach (var value in Enum.GetValues<TEnum>())
            yield return new SelectListItem(Label(value), value.ToString(), selected is { } s && s.Equals(value));
    }

    /// <summary>
    /// View data for a partial that renders one row of a list in a form: its fields are named
    /// <c>{prefix}.Field</c> (e.g. <c>Decision.Conditions[2].Owner</c>), so binding and the API's errors find them, while
    /// the partial's <c>asp-for="Field"</c> stays a plain member access. An indexed <c>asp-for="List[i].Field"</c> is
    /// compiled anew on every render (MVC caches only simple member chains): about a millisecond per field.
    /// </summary>
    public static ViewDataDictionary Prefixed(ViewDataDictionary parent, string prefix)
    {
        var data = new ViewDataDictionary(parent);
        data.TemplateInfo.HtmlFieldPrefix = string.IsNullOrEmpty(parent.TemplateInfo.HtmlFieldPrefix) ? prefix : $"{parent.TemplateInfo.HtmlFieldPrefix}.{prefix}";
        return data;
    }

    private static string Label<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        ProposalStatus s => Display.Status(s),
        RiskLevel r => r.ToString(),
        _ => Display.Words(value.ToString()!),
    };

    /// <summary>
    /// Form rows sent to the API skip blank and removed rows, so the API's row numbers differ from the form's:
    /// this remembers which form row each sent row came from, to put the API's errors back on the right row.
    /// </summary>
    public sealed class RowMap(string apiCollection, string formCollection)
    {
        private readonly List<int> _formIndexByApiIndex = [];

        public void Sent(int formIndex) => _formIndexByApiIndex.Add(formIndex);

        public string Rewrite(string apiField)
        {
            var prefix = apiCollection + "[";
            if (!apiField.StartsWith(prefix, StringComparison.Ordinal)) return apiField;
            var close = apiField.IndexOf(']', prefix.Length);
            if (close < 0 || !int.TryParse(apiField[prefix.Length..close], out var apiIndex) || apiIndex >= _formIndexByApiIndex.Count) return apiField;
            return $"{formCollection}[{_formIndexByApiIndex[apiIndex]}]{apiField[(close + 1)..]}";
        }
    }
}
