using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Screening.Import;
using Xunit.Abstractions;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>Hostile list files are refused by their shape, before the import does the work they ask for.</summary>
[Collection(ApiCollection.Name)]
public sealed class BoundedImportTests(ApiFactory api, ITestOutputHelper output)
{
    private readonly HttpClient _admin = api.ClientFor(ApiFactory.NewUser("adm"), Roles.Administrator);

    [Fact]
    public async Task XlsxDecompressionBomb_Returns422BeforeInflating()
    {
        var bomb = HostileWorkbooks.SharedStringsBomb(inflatedMegabytes: 300);
        var id = await RegisterAsync();
        GC.Collect();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        ResidentMemory.ResetPeak();
        var clock = Stopwatch.StartNew();
        var response = await UploadAsync(id, bomb, "bomb.xlsx");
        var problem = await response.ShouldBe(HttpStatusCode.UnprocessableEntity);
        clock.Stop();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        // The in-process API host and this test share the process, so its peak resident set is the server's peak too
        // (other tests running meanwhile only add to it).
        output.WriteLine($"bomb: {bomb.Length / 1024} KB file, 300 MB inflated; refused in {clock.ElapsedMilliseconds} ms; " +
                         $"test process working set {workingSetBefore / 1048576} → {workingSetAfter / 1048576} MB, " +
                         $"peak during the upload {ResidentMemory.PeakMegabytes()?.ToString() ?? "n/a"} MB");
        Assert.Contains("part 'xl/sharedStrings.xml'", problem.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small: {bomb.Length} bytes");
        var versions = await (await _admin.GetAsync($"/api/v1/watchlists/{id}/versions")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, versions.GetArrayLength());
    }

    [Fact]
    public void XlsxBombWithLyingZipHeaders_RefusedAsUnreadableNotServerError()
    {
        // The zip reader stops at the declared size, so the part's XML ends early: a bad file, never an exception.
        var result = WatchlistImport.Import(new MemoryStream(HostileWorkbooks.LyingSharedStringsBomb(300)), "bomb.xlsx", ImportMode.Strict);
        Assert.True(result.Rejected);
        output.WriteLine(result.Errors[0].Reason);
        Assert.Contains("not a readable XLSX workbook", result.Errors[0].Reason);
    }

    [Fact]
    public void XlsxDecompressionBomb_ImporterAllocatesLittle()
    {
        var bomb = HostileWorkbooks.SharedStringsBomb(inflatedMegabytes: 300);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = WatchlistImport.Import(new MemoryStream(bomb), "bomb.xlsx", ImportMode.Strict);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"bomb import: {allocated / 1024} KB allocated on the importing thread");
        Assert.True(result.Rejected);
        Assert.True(allocated < 16 * 1024 * 1024, $"the refusal allocated {allocated} bytes");
    }

    [Fact]
    public async Task XlsxWithAMillionRows_Returns422WithABoundedAnswer()
    {
        var file = HostileWorkbooks.ManyNamelessRows(1_000_000);
        var id = await RegisterAsync();
        var response = await UploadAsync(id, file, "rows.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ShouldBe(HttpStatusCode.UnprocessableEntity);
        output.WriteLine($"million rows: {file.Length / 1024} KB file → 422 of {body.Length} bytes");
        Assert.True(body.Length < 16 * 1024, $"answer of {body.Length} bytes");
        Assert.Contains("more than 200000 rows", problem.GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CsvWithManyBadRows_422ListsTheFirstErrorsAndTheirTotal()
    {
        var csv = new StringBuilder("name,id,start_date\n");
        for (var i = 0; i < 5000; i++) csv.Append($"Entity {i},e{i},not-a-date\n");
        var id = await RegisterAsync();
        var problem = await (await UploadAsync(id, Encoding.UTF8.GetBytes(csv.ToString()), "bad.csv")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(100, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal(5000, problem.GetProperty("errorCount").GetInt32());
    }

    [Theory]
    [InlineData("cell")]
    [InlineData("columns")]
    [InlineData("line")]
    public async Task CsvPastAShapeLimit_Returns422NamingTheLimit(string limit)
    {
        var csv = limit switch
        {
            "cell" => "name,notes\nAcme,\"" + new string('x', 40_000) + "\"\n",
            "columns" => string.Join(',', Enumerable.Range(0, 300).Select(i => $"c{i}")) + ",name\n",
            _ => "name\n" + new string('x', 2 * 1024 * 1024) + "\n",
        };
        var id = await RegisterAsync();
        var problem = await (await UploadAsync(id, Encoding.UTF8.GetBytes(csv), "shape.csv")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        var reason = problem.GetProperty("errors")[0].GetProperty("reason").GetString()!;
        Assert.Contains(limit switch { "cell" => "longer than 32768 characters", "columns" => "more than 256 columns", _ => "longer than 1048576 bytes" }, reason);
    }

    [Fact]
    public async Task RealListFiles_StillImport()
    {
        var id = await RegisterAsync();
        var csv = await File.ReadAllBytesAsync(Path.Combine(SharedData.Root, "watchlists", "us-trade-csl-sample.csv"));
        await (await UploadAsync(id, csv, "us-trade-csl-sample.csv")).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<string> RegisterAsync()
    {
        var id = $"b-{Guid.NewGuid():N}"[..12];
        await (await _admin.PostAsJsonAsync("/api/v1/watchlists", new { id, displayName = "Bounded", format = "Auto", source = "Upload", severity = 3 }))
            .ShouldBe(HttpStatusCode.Created);
        return id;
    }

    private Task<HttpResponseMessage> UploadAsync(string id, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return _admin.PostAsync($"/api/v1/watchlists/{id}/versions", form);
    }
}
