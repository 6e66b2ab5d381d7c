using ResearchSecurity.Api.Features.Funding;
using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Api.Features.Proposals;

/// <summary>
/// Body of create and update. On update, nested rows sent with an id are edited in place, rows without an id are added,
/// rows left out are removed; a collection left out entirely (null) is not touched.
/// </summary>
public sealed record ProposalRequest(
    string? Title, string? Summary, List<string>? TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    List<PartnerRequest>? Partners, List<MemberRequest>? Members, List<ProposalFundingRequest>? FundingSources)
{
    /// <param name="currentAreas">On update, the areas kept when the request leaves technologyAreas out.</param>
    public ProposalDetails ToDetails(IReadOnlyList<string>? currentAreas = null) =>
        new(Title!.Trim(), Summary, TechnologyAreas ?? currentAreas ?? [], PlannedStart, PlannedEnd);

    public IEnumerable<(Guid? Id, PartnerDetails Details)>? PartnerDetails() =>
        Partners?.Select(p => (p.Id, new PartnerDetails(p.Name!.Trim(), p.Country!, p.Website, p.Address, p.ContactEmail, p.ContactPhone, p.Role!.Value)));

    public IEnumerable<MemberDetails>? MemberDetails() => Members?.Select(m => new MemberDetails(m.PersonId!.Value, m.Role!.Value));
}

public sealed record PartnerRequest(
    Guid? Id, string? Name, string? Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone, PartnerRole? Role);

public sealed record MemberRequest(Guid? PersonId, MemberRole? Role);

/// <summary>A funding source written inline with its proposal (the proposal link is implied).</summary>
public sealed record ProposalFundingRequest(
    Guid? Id, string? FunderName, string? Sponsor, string? Payer, string? Country, decimal? Amount, string? Currency, string? InKindDescription)
{
    public FundingDetails ToDetails(Guid proposalId) =>
        new(proposalId, null, FunderName!.Trim(), Sponsor, Payer, Country!, Amount, Currency, InKindDescription);
}

public sealed class ProposalRequestValidator : AbstractValidator<ProposalRequest>
{
    public ProposalRequestValidator()
    {
        RuleFor(x => x.Title).RequiredName(300);
        RuleFor(x => x.Summary).MaximumLength(5000);
        RuleFor(x => x.TechnologyAreas).Must(a => a is null || a.Count <= 20).WithMessage("At most 20 technology areas.");
        RuleForEach(x => x.TechnologyAreas)
            .Must(code => TechnologyArea.Seed.Any(t => t.Code == code))
            .WithMessage((_, code) => $"'{code}' is not a known technology area; see GET /api/v1/technology-areas.");
        RuleFor(x => x.PlannedEnd).GreaterThanOrEqualTo(x => x.PlannedStart)
            .When(x => x.PlannedStart is not null && x.PlannedEnd is not null).WithMessage("Must not be before plannedStart.");
        RuleFor(x => x.Partners).Must(p => p is null || p.Count <= 50).WithMessage("At most 50 partners.");
        RuleForEach(x => x.Partners).SetValidator(new PartnerRequestValidator());
        RuleFor(x => x.Members).Must(m => m is null || m.Count <= 100).WithMessage("At most 100 people.")
            .Must(m => m is null || m.Where(x => x.PersonId is not null).Select(x => x.PersonId).Distinct().Count() == m.Count(x => x.PersonId is not null))
            .WithMessage("A person can appear only once.");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.PersonId).NotEmpty().WithMessage("Required.");
            m.RuleFor(x => x.Role).NotNull().WithMessage("Required.").IsInEnum();
        });
        RuleFor(x => x.FundingSources).Must(f => f is null || f.Count <= 50).WithMessage("At most 50 funding sources.");
        RuleForEach(x => x.FundingSources).ChildRules(f =>
        {
            f.RuleFor(x => x.FunderName).RequiredName(500);
            f.RuleFor(x => x.Country).NotEmpty().WithMessage("Required.").CountryCode();
            FundingRules.AmountAndCurrency(f, x => x.Amount, x => x.Currency, x => x.InKindDescription, x => x.Sponsor, x => x.Payer);
        });
    }
}

public sealed class PartnerRequestValidator : AbstractValidator<PartnerRequest>
{
    public PartnerRequestValidator()
    {
        RuleFor(x => x.Name).RequiredName(500);
        RuleFor(x => x.Country).NotEmpty().WithMessage("Required.").CountryCode();
        RuleFor(x => x.Website).OptionalWebsite();
        RuleFor(x => x.Address).MaximumLength(1000);
        RuleFor(x => x.ContactEmail).OptionalEmail();
        RuleFor(x => x.ContactPhone).MaximumLength(50).Matches(@"^\+?[0-9 ()./-]{4,50}$").WithMessage("Must be a phone number (digits, spaces, + ( ) . / -).");
        RuleFor(x => x.Role).NotNull().WithMessage("Required.").IsInEnum();
    }
}
