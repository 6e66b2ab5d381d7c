namespace ResearchSecurity.Api.Features.People;

public static class GetPerson
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", Handle).WithName(nameof(GetPerson));

    public static async Task<Results<Ok<PersonResponse>, NotFound>> Handle(
        Guid id, ResearchSecurityDbContext db, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var response = await db.People.VisibleTo(user).Where(p => p.Id == id).ToResponse().AsSplitQuery().FirstOrDefaultAsync(ct);
        if (response is null) return TypedResults.NotFound();
        http.Response.Headers.ETag = response.ETag;
        return TypedResults.Ok(response);
    }
}
