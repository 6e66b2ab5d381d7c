using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.People;

public static class UpdatePerson
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdatePerson))
            .WithSummary("Update a person")
            .WithDescription("Replaces the person's details; nested rows follow the same rules as on proposals (by `id`: edit, add, remove).")
            .ChecksIfMatch(required: true)
            .ProducesConflict()
            .RequireAuthorization(Policies.PeopleWrite)
            .Validate<PersonRequest>();

    public static async Task<Results<Ok<PersonResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, PersonRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var person = await db.People.VisibleTo(user).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        if (!person.CanEdit(user)) return TypedResults.Forbid();
        if (ETags.Check(http, db, person, required: true) is ProblemHttpResult precondition) return precondition;
        if (await VisitProposalCheck.CheckAsync(request, db, user, ct) is { } invalid) return invalid;

        var before = PersonProjection.Snapshot(person);
        var changed = person.Update(request.ToDetails(), request.ToDeclarations(), request.AffiliationDetails(), request.VisitDetails(),
            request.TalentProgramDetails(), db.Clock.GetUtcNow());
        if (changed.Count > 0)
        {
            db.Audit(AuditEventType.PersonUpdated, nameof(Person), person.Id, null, AuditChanges.Of(before, PersonProjection.Snapshot(person), changed));
            await ReviewReopening.ReopenProposalsOfPersonAsync(db, person.Id, changed, ct);
            await db.SaveChangesAsync(ct);
        }

        var response = await db.People.Where(p => p.Id == id).ToResponse().AsSplitQuery().SingleAsync(ct);
        ETags.Set(http, response.ETag);
        return TypedResults.Ok(response);
    }
}
