using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Api.Tests.Jobs;

/// <summary>Watchlist and screening steps through the API, with waits for the background jobs they start.</summary>
public static class JobsApi
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RegisterListAsync(this HttpClient admin, string prefix = "us-1286")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var response = await admin.PostAsJsonAsync("/api/v1/watchlists", new { id, displayName = $"US DoD §1286 ({id})", format = "FollowTheMoney", source = "Upload", severity = 4 });
        await response.ShouldBe(HttpStatusCode.Created);
        return id;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient admin, string listId, string path, string? fileName = null) =>
        admin.UploadBytesAsync(listId, File.ReadAllBytes(path), fileName ?? Path.GetFileName(path));

    public static async Task<HttpResponseMessage> UploadBytesAsync(this HttpClient admin, string listId, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await admin.PostAsync($"/api/v1/watchlists/{listId}/versions", form);
    }

    /// <summary>Activates a version and waits for its re-screen job to succeed; returns the finished job.</summary>
    public static async Task<JsonElement> ActivateAsync(this HttpClient admin, string listId, int number)
    {
        var accepted = await (await admin.PostAsync($"/api/v1/watchlists/{listId}/versions/{number}/activate", null)).ShouldBe(HttpStatusCode.Accepted);
        return await admin.WaitForJobAsync(accepted.Id());
    }

    public static async Task<JsonElement> WaitForJobAsync(this HttpClient client, Guid jobId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var job = await (await client.GetAsync($"/api/v1/jobs/{jobId}")).ShouldBe(HttpStatusCode.OK);
            var state = job.GetProperty("state").GetString();
            if (state == "succeeded") return job;
            Assert.NotEqual("failed", state);
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} did not finish: {job}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until the proposal's screening status is final and returns the screening view.</summary>
    public static async Task<JsonElement> WaitForScreeningAsync(this HttpClient client, Guid proposalId, string expected = "done")
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var screening = await (await client.GetAsync($"/api/v1/proposals/{proposalId}/screening")).ShouldBe(HttpStatusCode.OK);
            var status = screening.GetProperty("status").GetString();
            if (status == expected) return screening;
            Assert.True(DateTime.UtcNow < deadline, $"Screening of {proposalId} is still '{status}': {screening}");
            await Task.Delay(200);
        }
    }

    public static IEnumerable<JsonElement> HitsOn(this JsonElement screening, string listId) =>
        screening.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("watchlistId").GetString() == listId);

    public static async Task<JsonElement> CreatePartnerProposalAsync(this HttpClient investigator, string partnerName, string country = "CN",
        string? address = null)
    {
        var response = await investigator.PostAsJsonAsync("/api/v1/proposals", new
        {
            title = $"Joint work with {partnerName}",
            technologyAreas = new[] { "mathematics" },
            partners = new[] { new { name = partnerName, country, address, role = "Partner" } },
        });
        return await response.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds, failing after <paramref name="timeout"/> (default <see cref="Timeout"/>).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, int pollMilliseconds = 200)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; last value {value}");
            await Task.Delay(pollMilliseconds);
        }
    }

    public static async Task<T> WithDbAsync<T>(this JobsFactory factory, Func<ResearchSecurityDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ResearchSecurityDbContext>());
    }

    public static Task<int> CountAsync<T>(this JobsFactory factory, Func<IQueryable<T>, IQueryable<T>> filter) where T : class =>
        factory.WithDbAsync(db => filter(db.Set<T>().AsNoTracking()).CountAsync());
}
