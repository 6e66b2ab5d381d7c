using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Api.Features.Funding;

public sealed record FundingSourceRequest(
    Guid? ProposalId, Guid? PersonId, string? FunderName, string? Sponsor, string? Payer, string? Country,
    decimal? Amount, string? Currency, string? InKindDescription)
{
    public FundingDetails ToDetails() =>
        new(ProposalId, PersonId, FunderName!.Trim(), Sponsor, Payer, Country!, Amount, Currency, InKindDescription);

    /// <summary>The linked proposal must be one the caller owns; the linked person one they can see.</summary>
    public async Task<ValidationProblem?> CheckLinksAsync(ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ProposalId is { } proposalId &&
            !await db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db).AnyAsync(p => p.Id == proposalId && p.OwnerId == user.Id, ct))
            errors["proposalId"] = [$"No proposal {proposalId} of yours exists."];
        if (PersonId is { } personId && !await db.People.IgnoreAutoIncludes().VisibleTo(user).AnyAsync(p => p.Id == personId, ct))
            errors["personId"] = [$"No person {personId} is visible to you."];
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}

public sealed class FundingSourceRequestValidator : AbstractValidator<FundingSourceRequest>
{
    public FundingSourceRequestValidator()
    {
        RuleFor(x => x.ProposalId).NotEmpty().When(x => x.PersonId is null).WithMessage("Link the funding to a proposal, a person, or both.");
        RuleFor(x => x.FunderName).RequiredName(500);
        RuleFor(x => x.Country).NotEmpty().WithMessage("Required.").CountryCode();
        FundingRules.AmountAndCurrency(this, x => x.Amount, x => x.Currency, x => x.InKindDescription, x => x.Sponsor, x => x.Payer);
    }
}
