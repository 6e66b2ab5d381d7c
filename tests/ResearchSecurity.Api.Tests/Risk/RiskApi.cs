using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Risk;
using ResearchSecurity.Core.Screening;

namespace ResearchSecurity.Api.Tests.Risk;

/// <summary>
/// The API host on its own database for the risk tests: their cross-record rules compare every stored proposal, and
/// the policy tests change the policy in force, so they must not share records with other test classes.
/// </summary>
public sealed class RiskFactory : ApiFactory;

[CollectionDefinition(Name)]
public sealed class RiskCollection : ICollectionFixture<RiskFactory>
{
    public const string Name = "risk";
}

/// <summary>
/// Steps of the risk tests. Records go in through the API; what the worker would do next (run the pending screening
/// jobs of a proposal, whose completion assesses it; run a re-assessment job) runs the real job classes on the same
/// database, so the tests do not wait on the job server's polling.
/// </summary>
public static class RiskApi
{
    public static HttpClient Admin(this ApiFactory api) => api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);

    public static HttpClient NewReviewer(this ApiFactory api) => api.ClientFor(ApiFactory.NewUser("rev"), Roles.IntegrityReviewer);

    /// <summary>Registers a list, uploads FollowTheMoney lines or a file, and puts the version in force.</summary>
    public static async Task<string> ActiveListAsync(this ApiFactory api, byte[] ftm, string prefix = "risk", int severity = 4, string format = "FollowTheMoney")
    {
        var admin = api.Admin();
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await (await admin.PostAsJsonAsync("/api/v1/watchlists", new { id, displayName = $"Test list {id}", format, source = "Upload", severity }))
            .ShouldBe(HttpStatusCode.Created);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ftm), "file", format == "MispGalaxy" ? "list.json" : "list.ftm.jsonl" } };
        await (await admin.PostAsync($"/api/v1/watchlists/{id}/versions", form)).ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/watchlists/{id}/versions/1/activate", null)).ShouldBe(HttpStatusCode.Accepted);
        return id;
    }

    /// <summary>One listed organisation, optionally with a listing period, as FollowTheMoney lines.</summary>
    public static byte[] AspiTracker() => File.ReadAllBytes(Path.Combine(SharedData.Root, "watchlists", "aspi-china-defence-universities.json"));

    public static byte[] Organisation(string name, string country, string? start = null, string? end = null, params string[] aliases)
    {
        var id = $"t-{Guid.NewGuid():N}";
        var names = JsonSerializer.Serialize(new[] { name }.Concat(aliases));
        var lines = new StringBuilder();
        lines.AppendLine($$"""{"id": "{{id}}", "schema": "Organization", "properties": {"name": {{names}}, "country": ["{{country}}"]}, "datasets": ["test"], "target": true}""");
        if (start is not null || end is not null)
            lines.AppendLine($$"""{"id": "{{id}}-s", "schema": "Sanction", "properties": {"entity": ["{{id}}"], "startDate": ["{{start}}"], "endDate": ["{{end}}"]}, "datasets": ["test"], "target": false}""");
        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    public static async Task<Guid> CreatePersonAsync(this HttpClient pi, object person) =>
        (await (await pi.PostAsJsonAsync("/api/v1/people", person)).ShouldBe(HttpStatusCode.Created)).Id();

    /// <summary>Creates and submits a proposal, then runs its screening jobs; their completion assesses the proposal.</summary>
    public static async Task<Guid> SubmitAndScreenAsync(this ApiFactory api, HttpClient pi, object proposal)
    {
        var id = (await (await pi.PostAsJsonAsync("/api/v1/proposals", proposal)).ShouldBe(HttpStatusCode.Created)).Id();
        await (await pi.PostAsync($"/api/v1/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await api.ScreenPendingAsync(id);
        return id;
    }

    /// <summary>Runs the pending screening runs of the proposal's subjects with the real job (as the worker would).</summary>
    public static async Task ScreenPendingAsync(this ApiFactory api, Guid proposalId)
    {
        List<Guid> runs;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>();
            var subjects = (await SubjectCatalog.OfProposalAsync(db, proposalId, CancellationToken.None)).Select(s => s.Key.Id).ToList();
            runs = await db.ScreeningRuns.Where(r => subjects.Contains(r.SubjectId) && r.Outcome == ScreeningOutcome.Pending).Select(r => r.Id).ToListAsync();
        }
        foreach (var run in runs)
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScreenSubjectJob>().ScreenAsync(run, null, CancellationToken.None);
        }
    }

    /// <summary>Runs the re-assessment job an activation queued (as the worker would).</summary>
    public static async Task RunReassessmentAsync(this ApiFactory api, Guid jobId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReassessJob>().ReassessAsync(jobId, CancellationToken.None);
    }

    public static async Task<JsonElement> RiskAsync(this HttpClient client, Guid proposalId) =>
        await (await client.GetAsync($"/api/v1/proposals/{proposalId}/risk")).ShouldBe(HttpStatusCode.OK);

    public static IEnumerable<JsonElement> Flags(this JsonElement risk, string rule) =>
        risk.GetProperty("flags").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule);

    public static IEnumerable<JsonElement> OpenFlags(this JsonElement risk, string rule) =>
        risk.Flags(rule).Where(f => f.GetProperty("status").GetString() == "open");

    public static string Level(this JsonElement risk) => risk.GetProperty("level").GetString()!;

    /// <summary>A partner with its own web site and a contact at its own domain: nothing for the contact rules to find.</summary>
    public static object Partner(string name, string country, string domain, string phone, string role = "Partner", string? address = null) =>
        new { name, country, website = $"https://www.{domain}", address, contactEmail = $"office@{domain}", contactPhone = phone, role };

    public static object Person(string name, string email, object[] affiliations, object[]? talentPrograms = null, object? declarations = null) => new
    {
        name, email,
        declarations = declarations ?? new { employedUnderForeignGovernmentDirection = false, foreignGovernmentIncomeAtLeast25Percent = false, actingOnForeignGovernmentInstruction = false },
        affiliations, talentPrograms = talentPrograms ?? [], visits = Array.Empty<object>(),
    };

    public static object Affiliation(string organisationName, string country, string start, string? end = null, string kind = "Employment") =>
        new { organisationName, country, kind, startDate = start, endDate = end, isCurrent = end is null };

    public static object Proposal(string title, object[] partners, Guid[] members, string[]? areas = null, object[]? funding = null,
        string plannedStart = "2027-01-01", string plannedEnd = "2028-12-31", string memberRole = "CoInvestigator") => new
    {
        title, summary = "Joint research.", technologyAreas = areas ?? new[] { "environment" }, plannedStart, plannedEnd, partners,
        members = members.Select(m => new { personId = m, role = memberRole }).ToArray(),
        fundingSources = funding ?? [],
    };
}
