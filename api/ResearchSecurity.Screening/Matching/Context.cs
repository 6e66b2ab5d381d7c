using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Screening.Matching;

/// <summary>A text prepared once per screening call: segments, country evidence per clause, upper-case words.</summary>
internal sealed class Context
{
    public required List<Segment> Segments { get; init; }
    public required (HashSet<string> Explicit, HashSet<string> Inferred)[] Countries { get; init; }
    public required HashSet<string> UpperWords { get; init; }
    public required bool HasCjk { get; init; }
    public string? CountryHint { get; init; }
    /// <summary>The text's words plus listed words one typo away (filled while collecting candidates).</summary>
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    public static Context Create(string text, Tokenizer tokenizer, string? countryHint)
    {
        var segments = Segmenter.Split(text, tokenizer);
        var cleaned = TextNormalizer.Clean(text);
        var upper = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < cleaned.Length)
        {
            if (!char.IsAsciiLetterOrDigit(cleaned[i])) { i++; continue; }
            var start = i;
            while (i < cleaned.Length && (char.IsAsciiLetterOrDigit(cleaned[i]) || cleaned[i] == '&')) i++;
            var w = cleaned[start..i];
            if (w.Length >= 2 && w.Any(char.IsAsciiLetterUpper) && w.All(c => !char.IsAsciiLetterLower(c))) upper.Add(w);
        }
        return new Context
        {
            Segments = segments,
            Countries = CountryDetector.Detect(segments),
            UpperWords = upper,
            HasCjk = segments.Any(s => s.Cjk.Length > 0),
            CountryHint = countryHint?.Trim().ToLowerInvariant(),
        };
    }

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
