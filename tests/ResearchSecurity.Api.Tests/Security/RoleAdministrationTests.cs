using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Auth;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class RoleAdministrationTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);

    [Fact]
    public async Task AdministratorChangingOwnRoles_Returns403_RolesUnchanged()
    {
        var self = await _oidc.CreateUserAsync(Roles.Administrator);
        var client = api.ClientFor(self.Id, Roles.Administrator);
        await (await client.PutAsJsonAsync($"/api/v1/users/{self.Id}/roles", new { roles = new[] { Roles.Administrator, Roles.Auditor } }))
            .ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(self.Id));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Auditor)]
    public async Task GrantingAPrivilegedRole_WaitsForASecondAdministrator(string role)
    {
        var user = await _oidc.CreateUserAsync(Roles.Investigator);
        var first = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var second = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);

        var pending = await (await first.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new { roles = new[] { Roles.Investigator, role } }))
            .ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal([role], pending.GetProperty("awaitingConfirmation").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([Roles.Investigator], await RolesOfAsync(user.Id));

        // The same administrator asking again does not confirm their own request.
        await (await first.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new { roles = new[] { Roles.Investigator, role } }))
            .ShouldBe(HttpStatusCode.Accepted);
        Assert.Equal([Roles.Investigator], await RolesOfAsync(user.Id));

        await (await second.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new { roles = new[] { Roles.Investigator, role } }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new[] { Roles.Investigator, role }.Order(), (await RolesOfAsync(user.Id)).Order());
    }

    [Fact]
    public async Task CreateUserWithAPrivilegedRole_Returns400NamingTheRole()
    {
        var admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = $"p{Guid.NewGuid():N}"[..16], roles = new[] { Roles.Auditor } });
        await response.ShouldBeValidationError("roles[0]");
    }

    [Fact]
    public async Task UnknownAndRealSignInNames_GetTheSameAnswers()
    {
        var real = await _oidc.CreateUserAsync(Roles.Investigator);
        var realAnswers = await FailedSignInsAsync(real.UserName!);
        var unknownAnswers = await FailedSignInsAsync($"nobody{Guid.NewGuid():N}"[..16]);
        Assert.Equal(realAnswers, unknownAnswers);
        Assert.Contains(HttpStatusCode.Locked, realAnswers);
    }

    private async Task<List<HttpStatusCode>> FailedSignInsAsync(string userName)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            answers.Add((await OidcTestClient.PostSignInFormAsync(_oidc.Browser(), "/account/signin", userName, "wrong-password-123")).StatusCode);
        return answers;
    }

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(userId))!)];
    }
}
