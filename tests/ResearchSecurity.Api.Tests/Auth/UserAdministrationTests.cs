using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class UserAdministrationTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);
    private readonly HttpClient _admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);

    [Fact]
    public async Task CreateUser_ThenSignIn_TokenCarriesTheAssignedRole()
    {
        var userName = $"new{Guid.NewGuid():N}"[..16];
        var created = await (await _admin.PostAsJsonAsync("/api/v1/users",
            new { userName, email = "reviewer@example.edu", password = OidcTestClient.Password, roles = new[] { Roles.IntegrityReviewer } })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal([Roles.IntegrityReviewer], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var tokens = await _oidc.SignInWithCodeAsync(userName);
        Assert.Equal(Roles.IntegrityReviewer, new JsonWebToken(tokens.GetProperty("access_token").GetString()).GetClaim("role").Value);
        Assert.Equal([AuditEventType.UserCreated, AuditEventType.UserSignedIn], await AuditTypesAsync(created.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task CreateUser_WeakPassword_Returns400NamingPassword()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { userName = $"weak{Guid.NewGuid():N}"[..16], password = "short1", roles = Array.Empty<string>() });
        await response.ShouldBeValidationError("password");
    }

    [Fact]
    public async Task CreateUser_UnknownRole_Returns400NamingRoles()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { userName = $"bad{Guid.NewGuid():N}"[..16], roles = new[] { "Superuser" } });
        await response.ShouldBeValidationError("roles[0]");
    }

    [Fact]
    public async Task CreateUser_DuplicateName_Returns400NamingUserName()
    {
        var user = await _oidc.CreateUserAsync(Roles.Auditor);
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { userName = user.UserName, roles = Array.Empty<string>() });
        await response.ShouldBeValidationError("userName");
    }

    [Fact]
    public async Task SetRoles_NewRoleReachesTheNextRefreshedToken()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var tokens = await _oidc.SignInWithCodeAsync(user.UserName!);

        var updated = await (await _admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new { roles = new[] { Roles.IntegrityReviewer } })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([Roles.IntegrityReviewer], updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(AuditEventType.UserRolesChanged, await AuditTypesAsync(user.Id));

        var refreshed = await _oidc.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(Roles.IntegrityReviewer, new JsonWebToken(refreshed.GetProperty("access_token").GetString()).GetClaim("role").Value);
    }

    [Fact]
    public async Task LockThenUnlock_LockedUserCannotSignIn_UnlockedUserCan()
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        await (await _admin.PostAsync($"/api/v1/users/{user.Id}/lock", null)).ShouldBe(HttpStatusCode.NoContent);
        var list = await (await _admin.GetAsync($"/api/v1/users?q={user.UserName}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(list.GetProperty("items")[0].GetProperty("isLockedOut").GetBoolean());
        var locked = await OidcTestClient.PostSignInFormAsync(_oidc.Browser(), "/account/signin", user.UserName!, OidcTestClient.Password);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);

        await (await _admin.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).ShouldBe(HttpStatusCode.NoContent);
        var signedIn = await OidcTestClient.PostSignInFormAsync(_oidc.Browser(), "/account/signin", user.UserName!, OidcTestClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal([AuditEventType.UserLocked, AuditEventType.UserSignInFailed, AuditEventType.UserUnlocked, AuditEventType.UserSignedIn],
            await AuditTypesAsync(user.Id));
    }

    private async Task<List<AuditEventType>> AuditTypesAsync(string userId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
        var subject = Guid.Parse(userId);
        return await db.AuditEvents.Where(a => a.SubjectId == subject).OrderBy(a => a.Sequence).Select(a => a.EventType).ToListAsync();
    }

    [Fact]
    public async Task ListUsers_FilterByRole_ReturnsOnlyUsersInThatRole()
    {
        var officer = await _oidc.CreateUserAsync(Roles.GrantOfficer);
        var list = await (await _admin.GetAsync($"/api/v1/users?role={Roles.GrantOfficer}&pageSize=100")).ShouldBe(HttpStatusCode.OK);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, u => u.GetProperty("id").GetString() == officer.Id);
        Assert.All(items, u => Assert.Contains(Roles.GrantOfficer, u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task Lock_UnknownUser_Returns404()
    {
        await (await _admin.PostAsync("/api/v1/users/no-such-user/lock", null)).ShouldBe(HttpStatusCode.NotFound);
    }
}
