using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Funding;

public sealed record FundingDetails(
    Guid? ProposalId, Guid? PersonId, string FunderName, string? Sponsor, string? Payer, string Country,
    decimal? Amount, string? Currency, string? InKindDescription);

/// <summary>
/// Money or in-kind support behind a proposal or a person. Funder, sponsor and payer are kept apart because a payer
/// that differs from the declared funder is itself a red flag.
/// </summary>
public sealed class FundingSource : AggregateRoot
{
    private FundingSource() { }

    public Guid? ProposalId { get; private set; }
    public Guid? PersonId { get; private set; }
    public string FunderName { get; private set; } = string.Empty;
    public string FunderNameNormalized { get; private set; } = string.Empty;
    public string? Sponsor { get; private set; }
    public string SponsorNormalized { get; private set; } = string.Empty;
    public string? Payer { get; private set; }
    public string PayerNormalized { get; private set; } = string.Empty;
    public string Country { get; private set; } = string.Empty;
    public decimal? Amount { get; private set; }
    public string? Currency { get; private set; }
    public string? InKindDescription { get; private set; }

    public FundingDetails Details =>
        new(ProposalId, PersonId, FunderName, Sponsor, Payer, Country, Amount, Currency, InKindDescription);

    public static FundingSource Create(string ownerId, FundingDetails details, DateTimeOffset now)
    {
        var funding = new FundingSource { OwnerId = ownerId, CreatedAt = now, UpdatedAt = now };
        funding.Apply(details);
        return funding;
    }

    public bool Update(FundingDetails details, DateTimeOffset now)
    {
        if (!Apply(details)) return false;
        Touch(now);
        return true;
    }

    private bool Apply(FundingDetails d)
    {
        if (d == Details) return false;
        ProposalId = d.ProposalId;
        PersonId = d.PersonId;
        FunderName = d.FunderName;
        FunderNameNormalized = SearchText.Normalize(d.FunderName);
        Sponsor = d.Sponsor;
        SponsorNormalized = SearchText.Normalize(d.Sponsor);
        Payer = d.Payer;
        PayerNormalized = SearchText.Normalize(d.Payer);
        Country = d.Country;
        Amount = d.Amount;
        Currency = d.Currency;
        InKindDescription = d.InKindDescription;
        return true;
    }
}
