using ResearchSecurity.Core.People;

namespace ResearchSecurity.Api.Features.People;

public static class GetPerson
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", Handle).WithName(nameof(GetPerson))
            .WithSummary("Get a person")
            .WithDescription("The person with affiliations, talent programmes, visits and foreign-funding declarations. The `ETag` header is the version for `If-Match`.");

    public static async Task<Results<Ok<PersonResponse>, NotFound>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var response = await db.People.VisibleTo(user).Where(p => p.Id == id).ToResponse().AsSplitQuery().FirstOrDefaultAsync(ct);
        if (response is null) return TypedResults.NotFound();
        // As for proposals: a read by anyone but the owner is an observation in the audit trail.
        if (response.OwnerId != user.Id)
        {
            db.Audit(AuditEventType.PersonViewed, nameof(Person), response.Id, proposalId: null);
            await db.SaveChangesAsync(ct);
        }
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }
}
