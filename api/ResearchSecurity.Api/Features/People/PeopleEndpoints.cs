namespace ResearchSecurity.Api.Features.People;

public static class PeopleEndpoints
{
    public static void MapPeople(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.PeopleRead);
        ListPeople.Map(group);
        GetPerson.Map(group);
        CreatePerson.Map(group);
        UpdatePerson.Map(group);
        DeletePerson.Map(group);
    }
}
