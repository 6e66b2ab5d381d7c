using System.Net.Http.Json;
using System.Text.Json;
using ResearchSecurity.Web.Tests.Infrastructure;

namespace ResearchSecurity.Web.Tests.Funding;

/// <summary>Set-up through the API (not what the tests are about): a submitted proposal with one funding source, screened.</summary>
public static class FundedProposals
{
    public static async Task<Guid> CreateScreenedAsync(Product product, string owner, string title, string funder, string? sponsor = null)
    {
        using var pi = product.DevClient(owner, "Investigator");
        var person = await ReadAsync(await pi.PostAsJsonAsync("/api/v1/people", new { name = "Alex Example " + owner }));
        var proposal = await ReadAsync(await pi.PostAsJsonAsync("/api/v1/proposals", new
        {
            title,
            members = new[] { new { personId = person.GetProperty("id").GetGuid(), role = "PrincipalInvestigator" } },
            fundingSources = new[] { new { funderName = funder, sponsor, country = "CN", amount = 250000, currency = "CNY" } },
        }));
        var id = proposal.GetProperty("id").GetGuid();
        // The worker may store the draft's risk on the proposal row meanwhile; that is derived state and leaves the
        // version alone, so the submit must succeed at once (it answered 412 before the version stopped following xmin).
        await ReadAsync(await pi.PostAsJsonAsync($"/api/v1/proposals/{id}/submit", new { }));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await pi.GetFromJsonAsync<JsonElement>($"/api/v1/proposals/{id}/screening")).GetProperty("status").GetString();
            if (status is "done") return id;
            if (status is "failed") throw new InvalidOperationException($"Screening of {title} failed.");
            await Task.Delay(300);
        }
        throw new TimeoutException($"Screening of {title} did not finish.");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
