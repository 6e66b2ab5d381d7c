using System.Security.Claims;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

public sealed class ExternalRoleMappingTests
{
    private static readonly ExternalRoleMapping Mapping = new(new ExternalProviderSettings
    {
        GroupsClaim = "groups",
        GroupRoles = new()
        {
            ["rs-reviewers"] = Roles.IntegrityReviewer,
            ["research-office/grants"] = Roles.GrantOfficer,
            ["faculty"] = Roles.Investigator,
        },
    });

    [Fact]
    public void RolesFor_RepeatedGroupClaims_MapsEachKnownGroup()
    {
        var roles = Mapping.RolesFor([new Claim("groups", "faculty"), new Claim("groups", "rs-reviewers"), new Claim("groups", "library")]);
        Assert.Equal([Roles.IntegrityReviewer, Roles.Investigator], roles.Order());
    }

    [Fact]
    public void RolesFor_JsonArrayClaim_MapsEachGroupCaseInsensitively()
    {
        var roles = Mapping.RolesFor([new Claim("groups", """["Research-Office/Grants","FACULTY"]""")]);
        Assert.Equal([Roles.GrantOfficer, Roles.Investigator], roles.Order());
    }

    [Fact]
    public void RolesFor_UnmappedGroupsOrOtherClaimTypes_GrantsNothing()
    {
        var roles = Mapping.RolesFor([new Claim("groups", "administrators"), new Claim("role", Roles.Administrator), new Claim("groups", "[not json")]);
        Assert.Empty(roles);
    }
}
