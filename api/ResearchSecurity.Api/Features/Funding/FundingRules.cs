using System.Linq.Expressions;
using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Api.Features.Funding;

/// <summary>Rules shared by standalone and inline funding sources.</summary>
public static class FundingRules
{
    public static void AmountAndCurrency<T>(AbstractValidator<T> v, Expression<Func<T, decimal?>> amount, Expression<Func<T, string?>> currency,
        Expression<Func<T, string?>> inKind, Expression<Func<T, string?>> sponsor, Expression<Func<T, string?>> payer)
    {
        var getAmount = amount.Compile();
        var getCurrency = currency.Compile();
        v.RuleFor(amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m)
            .Must((x, a) => a is null || CurrencyMinorUnits.DecimalsOf(a.Value) <= CurrencyMinorUnits.AllowedDecimals(getCurrency(x)))
            .WithMessage((x, _) => $"At most {CurrencyMinorUnits.AllowedDecimals(getCurrency(x))} decimal(s) for {getCurrency(x) ?? "this currency"}; the amount would otherwise be rounded.");
        v.RuleFor(currency).NotEmpty().When(x => getAmount(x) is not null).WithMessage("Required when an amount is given.")
            .Must(c => c is null || ResearchSecurity.Core.Reference.IsoCodes.IsCurrency(c))
            .WithMessage("Must be an ISO 4217 currency code in upper case, e.g. USD, EUR, CNY.");
        v.RuleFor(inKind).MaximumLength(2000)
            .NotEmpty().When(x => getAmount(x) is null).WithMessage("Give an amount or describe the in-kind support.");
        v.RuleFor(sponsor).MaximumLength(500);
        v.RuleFor(payer).MaximumLength(500);
    }
}
