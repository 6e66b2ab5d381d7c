using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ResearchSecurity.Api.Tests.Infrastructure;
using ResearchSecurity.Tests.Shared;
using Xunit.Abstractions;

namespace ResearchSecurity.Api.Tests.OpenApi;

/// <summary>
/// The served /openapi/v1.json is a contract clients are generated from: Redocly's recommended ruleset
/// (tools/openapi-lint/redocly.yaml) must find no error in it. Warnings are counted and printed, not failed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(ApiFactory api, ITestOutputHelper output)
{
    [RedoclyFact]
    public async Task OpenApiDocument_PassesRedoclyRecommendedRuleset_WithoutErrors()
    {
        var response = await api.ClientFor(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = Directory.CreateTempSubdirectory("rs-openapi-");
        try
        {
            var document = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await response.Content.ReadAsStringAsync());

            var (exitCode, stdout, stderr) = await RunRedoclyAsync(document);
            var report = JsonDocument.Parse(stdout).RootElement;
            var totals = report.GetProperty("totals");
            var errors = totals.GetProperty("errors").GetInt32();
            var warnings = totals.GetProperty("warnings").GetInt32();
            var summary = $"Redocly recommended ruleset over /openapi/v1.json: {errors} errors, {warnings} warnings";
            output.WriteLine(summary);
            // infra/test.sh prints this after the run, so the counts are seen without detailed test output.
            if (Environment.GetEnvironmentVariable("RS_OPENAPI_LINT_REPORT") is { Length: > 0 } reportFile) await File.WriteAllTextAsync(reportFile, summary + "\n");
            foreach (var problem in report.GetProperty("problems").EnumerateArray())
                output.WriteLine($"  {problem.GetProperty("severity").GetString()} {problem.GetProperty("ruleId").GetString()}: "
                    + $"{problem.GetProperty("message").GetString()} at {Pointer(problem)}");
            Assert.True(errors == 0, $"Redocly found {errors} errors (exit code {exitCode}); see the test output. {stderr}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Pointer(JsonElement problem) =>
        problem.TryGetProperty("location", out var locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("pointer", out var pointer) ? pointer.GetString() ?? "" : "";

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunRedoclyAsync(string document)
    {
        var config = Path.Combine(RepositoryPaths.Root, "tools", "openapi-lint", "redocly.yaml");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(RedoclyFactAttribute.Variable)!)
        {
            ArgumentList = { "lint", document, "--config", config, "--format", "json", "--max-problems", "1000" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The CLI would otherwise phone home (telemetry, update check); the test machine reaches no such address.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Redocly CLI did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
