using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ResearchSecurity.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ResearchSecurity.Web.Tests.Admin;

public sealed class UserPageTests(Product product) : BrowserTest(product)
{
    [Fact]
    public async Task AnAdministrator_CreatesAUser_SetsTheirRoles_LocksAndUnlocksThem()
    {
        var page = await SignInAsync("administrator", "/Admin/Users/Create");

        // The API's refusal lands on the field it names.
        await page.GetByLabel("Sign-in name").FillAsync("not a valid name!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.Locator("span[data-valmsg-for='Input.UserName']")).ToContainTextAsync("Letters, digits");
        await CheckPageAsync(page, "admin-user-create-invalid");

        await page.GetByLabel("Sign-in name").FillAsync("web-new-officer");
        await page.GetByLabel("E-mail").FillAsync("web-new-officer@example.edu");
        await page.GetByLabel("Initial password").FillAsync(Product.Password);
        await page.GetByLabel("Investigator").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created web-new-officer.");

        // Searching is posted: the name does not appear in the address.
        await page.GetByLabel("Name or e-mail contains").FillAsync("web-new-officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.DoesNotContain("web-new-officer", page.Url);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web-new-officer@example.edu" });
        await Expect(row).ToHaveCountAsync(1);
        await CheckPageAsync(page, "admin-users");

        await row.GetByLabel("Grant officer").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Save roles of web-new-officer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("web-new-officer now has the roles: Grant officer, Investigator.");
        Assert.Equal(["GrantOfficer", "Investigator"], (await UserAsync("web-new-officer")).Roles);

        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web-new-officer@example.edu" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Lock web-new-officer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("web-new-officer is locked");
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web-new-officer@example.edu" });
        await Expect(row.GetByText("Locked", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True((await UserAsync("web-new-officer")).IsLockedOut);

        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock web-new-officer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("web-new-officer is unlocked.");
        Assert.False((await UserAsync("web-new-officer")).IsLockedOut);
    }

    [Fact]
    public async Task LockingYourself_IsRefused_WithTheApisReason()
    {
        var page = await SignInAsync("administrator", "/Admin/Users?role=Administrator");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "administrator@example.edu" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Lock administrator" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("administrator: You cannot lock yourself out.");
        Assert.False((await UserAsync("administrator")).IsLockedOut);
    }

    private sealed record User(string UserName, string[] Roles, bool IsLockedOut);

    private async Task<User> UserAsync(string userName)
    {
        using var api = Product.DevClient("user-test-admin", "Administrator");
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={userName}");
        var user = page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName);
        return new User(userName, user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToArray(),
            user.GetProperty("isLockedOut").GetBoolean());
    }
}
