using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchSecurity.Web.Api;
using ResearchSecurity.Web.Infrastructure;
using static ResearchSecurity.Web.Pages.Proposals.ProposalForms;

namespace ResearchSecurity.Web.Pages.Proposals;

/// <summary>
/// One person on the proposal: identity, role, the specific-category declarations, affiliation history, visits and
/// talent programs. A new person is created and then added to the proposal's members.
/// </summary>
public sealed class PersonModel(ApiClient api) : PageModel
{
    public sealed class AffiliationRow
    {
        public Guid? Id { get; set; }
        public string? OrganisationName { get; set; }
        public string? Country { get; set; }
        public AffiliationKind? Kind { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
    }

    public sealed class VisitRow
    {
        public Guid? Id { get; set; }
        public string? HostDepartment { get; set; }
        public string? HostPrincipalInvestigator { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Sponsor { get; set; }
    }

    public sealed class TalentProgramRow
    {
        public Guid? Id { get; set; }
        public string? ProgramName { get; set; }
        public string? Sponsor { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Compensation { get; set; }
    }

    public sealed class DeclarationsInput
    {
        public bool? EmployedUnderForeignGovernmentDirection { get; set; }
        public bool? ForeignGovernmentIncomeAtLeast25Percent { get; set; }
        public bool? ActingOnForeignGovernmentInstruction { get; set; }
        public bool? ReceivesForeignFunding { get; set; }
        public string? ForeignFundingDetails { get; set; }
    }

    public sealed class PersonInput
    {
        public string? Name { get; set; }
        public string? NativeName { get; set; }
        public string? Email { get; set; }
        public string? Orcid { get; set; }
        public MemberRole? Role { get; set; }
        public DeclarationsInput Declarations { get; set; } = new();
        public List<AffiliationRow> Affiliations { get; set; } = [];
        public List<VisitRow> Visits { get; set; } = [];
        public List<TalentProgramRow> TalentPrograms { get; set; } = [];
    }

    /// <summary>The three specific-category questions and the foreign-funding question, as the form asks them.</summary>
    public static readonly IReadOnlyList<(string Field, string Question)> Questions =
    [
        (nameof(DeclarationsInput.EmployedUnderForeignGovernmentDirection), "Is this person employed by, or working under the direction of, a foreign government or a body it controls?"),
        (nameof(DeclarationsInput.ForeignGovernmentIncomeAtLeast25Percent), "Does this person receive 25% or more of their income from a foreign government or a body it controls?"),
        (nameof(DeclarationsInput.ActingOnForeignGovernmentInstruction), "Does this person act on the instructions of a foreign government in their work here?"),
        (nameof(DeclarationsInput.ReceivesForeignFunding), "Does this person receive research funding from a foreign source?"),
    ];

    [BindProperty] public PersonInput Input { get; set; } = new();
    [BindProperty] public string? ETag { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public ProposalResponse Proposal { get; private set; } = null!;
    public Guid? PersonId { get; private set; }

    public async Task OnGetAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        PersonId = personId;
        if (personId is { } existing)
        {
            var p = await api.GetPersonAsync(existing, ct);
            ETag = p.ETag;
            var d = p.Declarations;
            Input = new PersonInput
            {
                Name = p.Name, NativeName = p.NativeName, Email = p.Email, Orcid = p.Orcid,
                Role = Proposal.Members.FirstOrDefault(m => m.PersonId == existing)?.Role,
                Declarations = new DeclarationsInput
                {
                    EmployedUnderForeignGovernmentDirection = d.EmployedUnderForeignGovernmentDirection, ForeignGovernmentIncomeAtLeast25Percent = d.ForeignGovernmentIncomeAtLeast25Percent,
                    ActingOnForeignGovernmentInstruction = d.ActingOnForeignGovernmentInstruction, ReceivesForeignFunding = d.ReceivesForeignFunding, ForeignFundingDetails = d.ForeignFundingDetails,
                },
                Affiliations = p.Affiliations.Select(a => new AffiliationRow { Id = a.Id, OrganisationName = a.OrganisationName, Country = a.Country, Kind = a.Kind, StartDate = a.StartDate, EndDate = a.EndDate }).ToList(),
                Visits = p.Visits.Select(v => new VisitRow { Id = v.Id, HostDepartment = v.HostDepartment, HostPrincipalInvestigator = v.HostPrincipalInvestigator, StartDate = v.StartDate, EndDate = v.EndDate, Sponsor = v.Sponsor }).ToList(),
                TalentPrograms = p.TalentPrograms.Select(t => new TalentProgramRow { Id = t.Id, ProgramName = t.ProgramName, Sponsor = t.Sponsor, StartDate = t.StartDate, EndDate = t.EndDate, Compensation = t.Compensation }).ToList(),
            };
        }
        AddBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? personId, string? next, CancellationToken ct)
    {
        Proposal = await api.GetProposalAsync(id, ct);
        PersonId = personId;
        var affiliations = new Forms.RowMap("affiliations", "affiliations");
        var visits = new Forms.RowMap("visits", "visits");
        var programs = new Forms.RowMap("talentPrograms", "talentPrograms");
        var d = Input.Declarations;
        var request = new PersonRequest(Trim(Input.Name), Trim(Input.NativeName), Trim(Input.Email), Trim(Input.Orcid), null,
            new Declarations(d.EmployedUnderForeignGovernmentDirection, d.ForeignGovernmentIncomeAtLeast25Percent, d.ActingOnForeignGovernmentInstruction,
                d.ReceivesForeignFunding, Trim(d.ForeignFundingDetails)),
            Rows(Input.Affiliations, affiliations, a => a.Id is null && Blank(a.OrganisationName, a.Country) && a.StartDate is null && a.EndDate is null,
                a => new AffiliationRequest(a.Id, Trim(a.OrganisationName), Trim(a.Country)?.ToUpperInvariant(), a.Kind ?? AffiliationKind.Employment, a.StartDate, a.EndDate, null)),
            Rows(Input.Visits, visits, v => v.Id is null && Blank(v.HostDepartment, v.HostPrincipalInvestigator, v.Sponsor) && v.StartDate is null && v.EndDate is null,
                v => new VisitRequest(v.Id, id, Trim(v.HostDepartment), Trim(v.HostPrincipalInvestigator), v.StartDate, v.EndDate, Trim(v.Sponsor))),
            Rows(Input.TalentPrograms, programs, t => t.Id is null && Blank(t.ProgramName, t.Sponsor, t.Compensation) && t.StartDate is null && t.EndDate is null,
                t => new TalentProgramRequest(t.Id, Trim(t.ProgramName), Trim(t.Sponsor), t.StartDate, t.EndDate, Trim(t.Compensation))));
        if (Input.Role is null) ModelState.AddModelError("Input.Role", "Choose the person's role on this proposal.");
        try
        {
            if (Input.Role is null) return Page();
            var person = personId is { } existing
                ? await api.UpdatePersonAsync(existing, ETag ?? "*", request, ct)
                : await api.CreatePersonAsync(request, IdempotencyKey, ct);
            PersonId = person.Id;
            var current = Proposal.Members.FirstOrDefault(m => m.PersonId == person.Id);
            if (current?.Role != Input.Role)
            {
                var members = Proposal.Members.Where(m => m.PersonId != person.Id).Select(m => new MemberRequest(m.PersonId, m.Role))
                    .Append(new MemberRequest(person.Id, Input.Role)).ToList();
                await api.UpdateProposalAsync(id, Proposal.ETag, ProposalForms.Keep(Proposal) with { Members = members }, ct);
            }
            return next == "stay" ? RedirectToPage(new { id, personId = person.Id }) : RedirectToPage("/Proposals/People", new { id });
        }
        catch (ApiException e) when (e.IsValidation || e.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed)
        {
            ModelState.AddApiErrors(e, "Input", affiliations, visits, programs);
            return Page();
        }
    }

    private static List<TRequest> Rows<TRow, TRequest>(List<TRow> rows, Forms.RowMap map, Func<TRow, bool> blank, Func<TRow, TRequest> toRequest)
    {
        var sent = new List<TRequest>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (blank(rows[i])) continue;
            map.Sent(i);
            sent.Add(toRequest(rows[i]));
        }
        return sent;
    }

    private void AddBlankRows()
    {
        Input.Affiliations.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new AffiliationRow()));
        Input.Visits.Add(new VisitRow());
        Input.TalentPrograms.Add(new TalentProgramRow());
    }
}
