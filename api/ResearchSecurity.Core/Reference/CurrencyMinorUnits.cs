namespace ResearchSecurity.Core.Reference;

/// <summary>
/// ISO 4217 minor units: how many decimals an amount in a currency may have. Amounts are stored with two decimals
/// (numeric(18,2)), so a currency with three or four (KWD, CLF) is accepted to two: never more than can be stored,
/// never silently rounded.
/// </summary>
public static class CurrencyMinorUnits
{
    public const int StoredDecimals = 2;

    private static readonly HashSet<string> NoMinorUnit =
    [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ];

    /// <summary>Decimals allowed for an amount in <paramref name="currency"/>: its minor unit, capped at what is stored.</summary>
    public static int AllowedDecimals(string? currency) =>
        currency is not null && NoMinorUnit.Contains(currency) ? 0 : StoredDecimals;

    /// <summary>Decimals actually written in <paramref name="amount"/> (0.10 counts as 1, 5.000 as 0).</summary>
    public static int DecimalsOf(decimal amount)
    {
        var normalized = amount / 1.0000000000000000000000000000m; // drops trailing zeros
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
