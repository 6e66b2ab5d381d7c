using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.People;

namespace ResearchSecurity.Api.Features.People;

public static class DeletePerson
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(DeletePerson))
            .WithSummary("Delete a person")
            .WithDescription("Refused with 409 while the person is named on a proposal or funding source.")
            .ChecksIfMatch(required: false)
            .ProducesConflict()
            .RequireAuthorization(Policies.PeopleWrite);

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var person = await db.People.VisibleTo(user).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        if (!person.CanEdit(user)) return TypedResults.Forbid();
        if (ETags.Check(http, db, person, required: false) is ProblemHttpResult precondition) return precondition;
        // People named on a proposal or funding are part of its record and evidence; remove them there first.
        if (await db.ProposalMembers.AnyAsync(m => m.PersonId == id, ct) || await db.FundingSources.AnyAsync(f => f.PersonId == id, ct))
            throw new DomainException("This person is named on a proposal or funding source; remove them there first.");

        db.Audit(AuditEventType.PersonDeleted, nameof(Person), person.Id, null, AuditChanges.Of(PersonProjection.Snapshot(person), null));
        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
