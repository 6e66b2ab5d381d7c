using ResearchSecurity.Core.People;

namespace ResearchSecurity.Api.Features.People;

/// <summary>Investigators see the people they registered and their own person record; reviewers and auditors see all.</summary>
public static class PeopleAccess
{
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> people, CurrentUser user)
    {
        if (user.SeesAllRecords) return people;
        var me = user.Id;
        return people.Where(p => p.OwnerId == me || p.UserId == me);
    }

    public static bool CanEdit(this Person person, CurrentUser user) =>
        user.IsInRole(Roles.Investigator) && (person.OwnerId == user.Id || person.UserId == user.Id);
}
