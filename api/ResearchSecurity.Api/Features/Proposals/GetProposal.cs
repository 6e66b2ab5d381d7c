using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Proposals;

public static class GetProposal
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", Handle).WithName(nameof(GetProposal))
            .WithSummary("Get a proposal")
            .WithDescription("The proposal with its partners, members and funding. The `ETag` header is the version to send in `If-Match` when updating.");

    public static async Task<Results<Ok<ProposalResponse>, NotFound>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var response = await db.Proposals.VisibleTo(user, db).Where(p => p.Id == id).LoadAsync(db, ct);
        if (response is null) return TypedResults.NotFound();
        // Someone other than the owner (a reviewer, an auditor) read the record: an observation in the audit trail.
        // The owner's own reads, many per form session, are not an access to anyone else's data.
        if (response.OwnerId != user.Id)
        {
            db.Audit(AuditEventType.ProposalViewed, nameof(Proposal), response.Id, response.Id);
            await db.SaveChangesAsync(ct);
        }
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }
}
