using ResearchSecurity.Core.People;

namespace ResearchSecurity.Api.Features.People;

public static class CreatePerson
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", Handle).WithName(nameof(CreatePerson))
            .WithSummary("Create a person")
            .WithDescription("Records a person the caller will name on proposals; they are screened against the watchlists.")
            .RequireAuthorization(Policies.PeopleWrite)
            .Validate<PersonRequest>()
            .Idempotent()
            .WithRequestExample(new PersonRequest("Li Wei", null, "li.wei@example.edu.cn", null, null, null,
                [new AffiliationRequest(null, "Harbin Engineering University", "CN", AffiliationKind.Employment, new DateOnly(2019, 9, 1), null, true)],
                null, null));

    public static async Task<Results<Created<PersonResponse>, ValidationProblem>> Handle(
        PersonRequest request, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await VisitProposalCheck.CheckAsync(request, db, user, ct) is { } invalid) return invalid;

        var person = Add(db, request, user.Id, db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var response = await db.People.Where(p => p.Id == person.Id).ToResponse().SingleAsync(ct);
        ETags.Set(http, response.ETag);
        return TypedResults.Created($"/api/v1/people/{person.Id}", response);
    }

    /// <summary>Adds a validated person with their audit event (saved by the caller); the bulk import adds people the same way.</summary>
    public static Person Add(ResearchSecurityDbContext db, PersonRequest request, string ownerId, DateTimeOffset now)
    {
        var person = Person.Create(ownerId, request.ToDetails(), request.ToDeclarations(), now);
        person.Update(request.ToDetails(), request.ToDeclarations(), request.AffiliationDetails(), request.VisitDetails(),
            request.TalentProgramDetails(), now);
        db.People.Add(person);
        db.Audit(AuditEventType.PersonCreated, nameof(Person), person.Id, null, AuditChanges.Of(null, PersonProjection.Snapshot(person)));
        return person;
    }
}
