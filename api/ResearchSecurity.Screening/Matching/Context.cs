using System.Text.RegularExpressions;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>A text prepared once per screening call: segments, country evidence per clause, upper-case words.</summary>
internal sealed partial class Context
{
    /// <summary>Institution labels of e-mail and web domains ("nudt" of li@nudt.edu.cn), upper-cased, with the ccTLD country.</summary>
    public Dictionary<string, string?> DomainAcronyms { get; } = new(StringComparer.Ordinal);

    public required List<Segment> Segments { get; init; }
    public required (HashSet<string> Explicit, HashSet<string> Inferred)[] Countries { get; init; }
    public required HashSet<string> UpperWords { get; init; }
    public required bool HasCjk { get; init; }
    public string? CountryHint { get; init; }
    /// <summary>The text's words plus listed words one typo away (filled while collecting candidates).</summary>
    public TextWords? Words { get; set; }

    public static Context Create(string text, Tokenizer tokenizer, string? countryHint)
    {
        var segments = Segmenter.Split(text, tokenizer);
        var cleaned = Transliteration.ToLatinText(TextNormalizer.Clean(text)); // "МФТИ" is the acronym MFTI
        var upper = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < cleaned.Length)
        {
            if (!char.IsAsciiLetterOrDigit(cleaned[i])) { i++; continue; }
            var start = i;
            while (i < cleaned.Length && (char.IsAsciiLetterOrDigit(cleaned[i]) || cleaned[i] == '&')) i++;
            var w = cleaned.AsSpan(start, i - start);
            if (w.Length >= 2 && w.ContainsAnyInRange('A', 'Z') && !w.ContainsAnyInRange('a', 'z')) upper.Add(w.ToString());
        }
        var ctx = new Context
        {
            Segments = segments,
            Countries = CountryDetector.Detect(segments),
            UpperWords = upper,
            HasCjk = segments.Any(s => s.Cjk.Length > 0),
            CountryHint = countryHint?.Trim().ToLowerInvariant(),
        };
        if (text.Contains('@') || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains("://", StringComparison.Ordinal))
            foreach (Match m in Domain().Matches(text))
            {
                var labels = m.Groups[1].Value.ToLowerInvariant().Split('.');
                var tld = labels[^1];
                // li@nudt.edu.cn, mail.buaa.edu.cn, www.hit.edu.cn: the label before edu/ac/com/org/gov (or before the TLD).
                var cut = Array.FindIndex(labels, l => l is "edu" or "ac" or "com" or "org" or "gov" or "net");
                var label = cut > 0 ? labels[cut - 1] : labels.Length >= 2 ? labels[^2] : "";
                if (label.Length is < 2 or > 8 || label is "mail" or "www") continue;
                var upperLabel = label.ToUpperInvariant();
                upper.Add(upperLabel);
                ctx.DomainAcronyms[upperLabel] = tld.Length == 2 ? tld : null;
            }
        return ctx;
    }

    [GeneratedRegex(@"(?:@|www\.|://)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")]
    private static partial Regex Domain();

    /// <summary>Explicit countries of the clause; else of the whole text; else the hint; else inferred places.</summary>
    public IReadOnlyList<string> CountriesOf(int clause)
    {
        if (Countries.Length == 0) return CountryHint is null ? [] : [CountryHint];
        var (exp, _) = Countries[Math.Min(clause, Countries.Length - 1)];
        if (exp.Count > 0) return [.. exp];
        var all = Countries.SelectMany(c => c.Explicit).Distinct().ToList();
        if (all.Count > 0) return all;
        if (CountryHint is not null) return [CountryHint];
        return [.. Countries.SelectMany(c => c.Inferred).Distinct()];
    }

    public bool HasExplicitCountry(int clause, IReadOnlyList<string> entityCountries) =>
        Countries.Length > 0 && Countries[Math.Min(clause, Countries.Length - 1)].Explicit.Any(entityCountries.Contains);

    public (CountryAgreement, string) CountryAgreementFor(IReadOnlyList<string> entityCountries, int clause)
    {
        var text = CountriesOf(clause);
        if (entityCountries.Count == 0) return (CountryAgreement.Unknown, "entity has no country");
        if (text.Count == 0) return (CountryAgreement.Unknown, "no country in the text");
        return text.Any(entityCountries.Contains)
            ? (CountryAgreement.Agrees, "text: " + string.Join(",", text))
            : (CountryAgreement.Conflicts, "text: " + string.Join(",", text) + " vs entity: " + string.Join(",", entityCountries));
    }
}
