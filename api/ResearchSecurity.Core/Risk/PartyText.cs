using System.Collections.Frozen;
using System.Reflection;
using PhoneNumbers;
using ResearchSecurity.Screening.Text;

namespace ResearchSecurity.Core.Risk;

/// <summary>
/// Normal forms the rules compare: organisation names in canonical words (abbreviations expanded, so "Harbin Eng.
/// Univ." and "Harbin Engineering University" agree), phone numbers in E.164 (libphonenumber, with the party's
/// country as the default region), e-mail and web domains, and street addresses in canonical words.
/// </summary>
public static class PartyText
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Public mail providers (see Risk/Reference/PROVENANCE.md): a shared gmail.com says nothing.</summary>
    public static readonly FrozenSet<string> PublicMailDomains = LoadPublicMailDomains();

    public static string OrganisationKey(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty
            : string.Join(' ', Tokenizer.Plain.Tokenize(TextNormalizer.Clean(name)).Select(t => t.Text));

    public static string AddressKey(string? address) => OrganisationKey(address);

    /// <summary>A person's name as its words in order ("WANG Wei" and "Wei Wang" agree): given and family name orders differ by country.</summary>
    public static string PersonKey(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty
            : string.Join(' ', Tokenizer.Plain.Tokenize(TextNormalizer.Clean(name)).Select(t => t.Text).Order(StringComparer.Ordinal));

    /// <summary>E.164 ("+864518251 9114" → "+8645182519114"), or null when the text is not a valid number.</summary>
    public static string? PhoneKey(string? phone, string? country)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        try
        {
            var number = Phones.Parse(phone, string.IsNullOrWhiteSpace(country) ? "ZZ" : country.Trim().ToUpperInvariant());
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? EmailDomain(string? email) =>
        email is { } e && e.LastIndexOf('@') is var at and > 0 && at < e.Length - 1 ? e[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant() : null;

    /// <summary>The host of a website ("https://www.hrbeu.edu.cn/en" → "hrbeu.edu.cn"); "www." is dropped.</summary>
    public static string? WebDomain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) return null;
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.')) return null;
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public static bool IsPublicMail(string? domain) => domain is not null && PublicMailDomains.Contains(domain);

    /// <summary>True when <paramref name="host"/> is <paramref name="domain"/> or one of its subdomains.</summary>
    public static bool IsWithin(string host, string domain) =>
        host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    /// <summary>Countries named in free text ("Golden Bridge Trading, Hong Kong" → hk), lower-case ISO codes.</summary>
    public static IReadOnlySet<string> CountriesNamedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new HashSet<string>();
        var segments = Segmenter.Split(TextNormalizer.Clean(text), Tokenizer.Plain);
        return CountryDetector.Detect(segments).SelectMany(c => c.Explicit).ToHashSet(StringComparer.Ordinal);
    }

    private static FrozenSet<string> LoadPublicMailDomains()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("public-mail-domains.txt")
            ?? throw new InvalidOperationException("The public mail domain list is not embedded.");
        using var reader = new StreamReader(stream);
        var domains = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) domains.Add(line);
        return domains.ToFrozenSet(StringComparer.Ordinal);
    }
}
