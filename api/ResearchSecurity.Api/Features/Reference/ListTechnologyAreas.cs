using ResearchSecurity.Core.Reference;

namespace ResearchSecurity.Api.Features.Reference;

public static class ListTechnologyAreas
{
    public static void MapReference(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/technology-areas").WithTags("Reference").RequireAuthorization(Policies.ReferenceRead);
        group.MapGet("/", Handle).WithName(nameof(ListTechnologyAreas))
            .WithSummary("List technology areas")
            .WithDescription("The technology areas a proposal can name, and which of them are sensitive.");
    }

    public static async Task<Ok<List<TechnologyArea>>> Handle(ResearchSecurityDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.TechnologyAreas.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct));
}
