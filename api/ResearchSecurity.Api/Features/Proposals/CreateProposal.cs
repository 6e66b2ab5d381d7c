using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public static class CreateProposal
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(CreateProposal))
            .WithSummary("Create a draft proposal")
            .WithDescription("Creates a Draft owned by the caller, with partners, members and funding sources given inline. Answers 201 with the proposal and its `ETag`.")
            .RequireAuthorization(Policies.ProposalsWrite)
            .Validate<ProposalRequest>()
            .Idempotent()
            .WithRequestExample(new ProposalRequest("Quantum sensing for navigation",
                "Joint work on cold-atom gravimeters with a partner laboratory.", ["quantum"],
                new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31),
                [new PartnerRequest(null, "School of Computer Science, Beihang University", "CN", null, "Beijing", null, null, PartnerRole.Partner)],
                [new MemberRequest(new Guid("5b1c2f3e-8a4d-4c6b-9e2f-1a2b3c4d5e6f"), MemberRole.VisitingResearcher)],
                [new ProposalFundingRequest(null, "National Natural Science Foundation of China", null, null, "CN", 1000m, "CNY", null)]));

    public static async Task<Results<Created<ProposalResponse>, ValidationProblem>> Handle(
        ProposalRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await ProposalMembersCheck.CheckAsync(request, db, user, ct) is { } invalid) return invalid;

        var now = db.Clock.GetUtcNow();
        var proposal = Proposal.Create(user.Id, request.ToDetails(), (request.PartnerDetails() ?? []).Select(p => p.Details),
            request.MemberDetails() ?? [], now);
        db.Proposals.Add(proposal);
        foreach (var funding in request.FundingSources ?? [])
            db.FundingSources.Add(FundingSource.Create(user.Id, funding.ToDetails(proposal.Id), now));
        db.Audit(AuditEventType.ProposalCreated, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(null, ProposalSnapshot.Of(proposal)));
        await db.SaveChangesAsync(ct);

        var response = await db.Proposals.Where(p => p.Id == proposal.Id).LoadAsync(db, ct);
        ETags.Set(http, proposal.Version);
        return TypedResults.Created($"/api/v1/proposals/{proposal.Id}", response!);
    }
}
