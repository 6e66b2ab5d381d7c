using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>Realistic request bodies and a few helpers that create records through the API.</summary>
public static class Builders
{
    public static object Person(string name = "Wang Fang", string? userId = null) => new
    {
        name,
        nativeName = "王芳",
        email = "wang.fang@example.edu",
        orcid = "0000-0002-1825-0097",
        userId,
        declarations = new { employedUnderForeignGovernmentDirection = false, foreignGovernmentIncomeAtLeast25Percent = false, actingOnForeignGovernmentInstruction = false },
        affiliations = new[]
        {
            new { organisationName = "School of Computer Science, Beihang University, Beijing 100191, China", country = "CN", kind = "Employment", startDate = "2019-09-01", endDate = (string?)null, isCurrent = true },
        },
        visits = new[] { new { hostDepartment = "Department of Physics", hostPrincipalInvestigator = "Prof. A. Smith", startDate = "2027-01-10", endDate = "2027-06-30", sponsor = "China Scholarship Council" } },
        talentPrograms = Array.Empty<object>(),
    };

    public static object Proposal(Guid? personId = null, string title = "Quantum-limited sensing for navigation") => new
    {
        title,
        summary = "Joint work on atom-interferometer gyroscopes.",
        technologyAreas = new[] { "quantum", "sensing" },
        plannedStart = "2027-01-01",
        plannedEnd = "2028-12-31",
        partners = new[]
        {
            new { name = "Harbin Eng. Univ.", country = "CN", website = "https://www.hrbeu.edu.cn", address = "145 Nantong St, Harbin", contactEmail = "intl@hrbeu.edu.cn", contactPhone = "+86 451 8251 9114", role = "Partner" },
        },
        members = personId is null ? Array.Empty<object>() : new object[] { new { personId, role = "VisitingResearcher" } },
        fundingSources = new[] { new { funderName = "National Natural Science Foundation of China", sponsor = (string?)null, payer = "Harbin Engineering University", country = "CN", amount = 250000m, currency = "CNY", inKindDescription = (string?)null } },
    };

    public static async Task<JsonElement> CreatePersonAsync(this HttpClient client, string name = "Wang Fang", string? userId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", Person(name, userId));
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateProposalAsync(this HttpClient client, bool withPerson = true, string title = "Quantum-limited sensing for navigation")
    {
        Guid? personId = null;
        if (withPerson) personId = (await client.CreatePersonAsync()).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync("/api/v1/proposals", Proposal(personId, title));
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    public static string ETag(this JsonElement e) => e.GetProperty("eTag").GetString()!;
}
