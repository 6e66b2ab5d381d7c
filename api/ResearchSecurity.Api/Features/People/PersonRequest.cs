using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Api.Features.People;

/// <summary>
/// Body of create and update. Nested rows sent with an id are edited in place, rows without an id are added,
/// rows left out are removed; a collection left out entirely (null) is not touched on update.
/// </summary>
public sealed record PersonRequest(
    string? Name, string? NativeName, string? Email, string? Orcid, string? UserId, DeclarationsRequest? Declarations,
    List<AffiliationRequest>? Affiliations, List<VisitRequest>? Visits, List<TalentProgramRequest>? TalentPrograms)
{
    public PersonDetails ToDetails() => new(Name!.Trim(), NativeName, Email, Orcid, UserId);

    public Declarations ToDeclarations() => Declarations is { } d
        ? new Declarations(d.EmployedUnderForeignGovernmentDirection, d.ForeignGovernmentIncomeAtLeast25Percent,
            d.ActingOnForeignGovernmentInstruction, d.ReceivesForeignFunding, d.ForeignFundingDetails)
        : Core.People.Declarations.NotAnswered;

    public IReadOnlyList<(Guid? Id, AffiliationDetails Details)>? AffiliationDetails() => Affiliations?.Select(a =>
        (a.Id, new AffiliationDetails(a.OrganisationName!.Trim(), a.Country, a.Kind!.Value, a.StartDate, a.EndDate, a.IsCurrent ?? a.EndDate is null))).ToList();

    public IReadOnlyList<(Guid? Id, VisitDetails Details)>? VisitDetails() => Visits?.Select(v =>
        (v.Id, new VisitDetails(v.ProposalId, v.HostDepartment!.Trim(), v.HostPrincipalInvestigator, v.StartDate!.Value, v.EndDate!.Value, v.Sponsor))).ToList();

    public IReadOnlyList<(Guid? Id, TalentProgramDetails Details)>? TalentProgramDetails() => TalentPrograms?.Select(t =>
        (t.Id, new TalentProgramDetails(t.ProgramName!.Trim(), t.Sponsor, t.StartDate, t.EndDate, t.Compensation))).ToList();
}

public sealed record DeclarationsRequest(
    bool? EmployedUnderForeignGovernmentDirection, bool? ForeignGovernmentIncomeAtLeast25Percent,
    bool? ActingOnForeignGovernmentInstruction, bool? ReceivesForeignFunding, string? ForeignFundingDetails);

public sealed record AffiliationRequest(
    Guid? Id, string? OrganisationName, string? Country, AffiliationKind? Kind, DateOnly? StartDate, DateOnly? EndDate, bool? IsCurrent);

public sealed record VisitRequest(
    Guid? Id, Guid? ProposalId, string? HostDepartment, string? HostPrincipalInvestigator, DateOnly? StartDate, DateOnly? EndDate, string? Sponsor);

public sealed record TalentProgramRequest(
    Guid? Id, string? ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

public sealed class PersonRequestValidator : AbstractValidator<PersonRequest>
{
    public PersonRequestValidator()
    {
        RuleFor(x => x.Name).RequiredName(300);
        RuleFor(x => x.NativeName).MaximumLength(300);
        RuleFor(x => x.Email).OptionalEmail();
        RuleFor(x => x.Orcid).Must(Orcid.IsValid).When(x => x.Orcid is not null)
            .WithMessage("Must be an ORCID iD like 0000-0002-1825-0097 with a valid check digit.");
        RuleFor(x => x.UserId).MaximumLength(200);
        RuleFor(x => x.Declarations!.ForeignFundingDetails).MaximumLength(2000).When(x => x.Declarations is not null)
            .OverridePropertyName("declarations.foreignFundingDetails");
        RuleFor(x => x.Affiliations).Must(a => a is null || a.Count <= 50).WithMessage("At most 50 affiliations.");
        RuleForEach(x => x.Affiliations).ChildRules(a =>
        {
            a.RuleFor(x => x.OrganisationName).RequiredName(1000);
            a.RuleFor(x => x.Country).CountryCode();
            a.RuleFor(x => x.Kind).NotNull().WithMessage("Required.").IsInEnum();
            a.RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
                .WithMessage("Must not be before startDate.");
        });
        RuleFor(x => x.Visits).Must(v => v is null || v.Count <= 50).WithMessage("At most 50 visits.");
        RuleForEach(x => x.Visits).ChildRules(v =>
        {
            v.RuleFor(x => x.HostDepartment).RequiredName(300);
            v.RuleFor(x => x.HostPrincipalInvestigator).MaximumLength(300);
            v.RuleFor(x => x.StartDate).NotNull().WithMessage("Required.");
            v.RuleFor(x => x.EndDate).NotNull().WithMessage("Required.");
            v.RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
                .WithMessage("Must not be before startDate.");
            v.RuleFor(x => x.Sponsor).MaximumLength(500);
        });
        RuleFor(x => x.TalentPrograms).Must(t => t is null || t.Count <= 50).WithMessage("At most 50 talent programs.");
        RuleForEach(x => x.TalentPrograms).ChildRules(t =>
        {
            t.RuleFor(x => x.ProgramName).RequiredName(500);
            t.RuleFor(x => x.Sponsor).MaximumLength(500);
            t.RuleFor(x => x.Compensation).MaximumLength(1000);
            t.RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null && x.EndDate is not null)
                .WithMessage("Must not be before startDate.");
        });
    }
}
