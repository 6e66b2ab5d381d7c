namespace ResearchSecurity.Core.People;

/// <summary>
/// A person's self-declarations. The three foreign-government questions are Japan's deemed-export
/// "specific categories"; null means not yet answered. Nationality is deliberately not collected.
/// </summary>
public sealed record Declarations(
    bool? EmployedUnderForeignGovernmentDirection,
    bool? ForeignGovernmentIncomeAtLeast25Percent,
    bool? ActingOnForeignGovernmentInstruction,
    bool? ReceivesForeignFunding,
    string? ForeignFundingDetails)
{
    public static readonly Declarations NotAnswered = new(null, null, null, null, null);
}
