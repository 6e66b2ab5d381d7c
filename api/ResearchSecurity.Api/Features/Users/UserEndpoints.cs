namespace ResearchSecurity.Api.Features.Users;

/// <summary>User and role administration: administrators change, auditors read, nobody else sees users.</summary>
public static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.UsersRead);
        ListUsers.Map(group);
        CreateUser.Map(group);
        SetUserRoles.Map(group);
        LockUser.Map(group);
        UnlockUser.Map(group);
    }
}
