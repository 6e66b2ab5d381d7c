using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>Field rules shared by several request validators.</summary>
public static class CommonRules
{
    public static IRuleBuilderOptions<T, string?> CountryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || IsoCodes.IsCountry(c)).WithMessage("Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. CN, US, DE.");

    public static IRuleBuilderOptions<T, string?> CurrencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || IsoCodes.IsCurrency(c)).WithMessage("Must be an ISO 4217 currency code in upper case, e.g. USD, EUR, CNY.");

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(320).EmailAddress().WithMessage("Must be an e-mail address.");

    public static IRuleBuilderOptions<T, string?> OptionalWebsite<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(500).Must(w => w is null || (Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            .WithMessage("Must be an absolute http(s) URL.");

    public static IRuleBuilderOptions<T, string?> RequiredName<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.NotEmpty().WithMessage("Required.").MaximumLength(max);
}
