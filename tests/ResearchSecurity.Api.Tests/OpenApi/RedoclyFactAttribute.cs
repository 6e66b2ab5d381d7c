namespace ResearchSecurity.Api.Tests.OpenApi;

/// <summary>
/// A fact that needs the pinned Redocly CLI, whose path infra/test.sh puts in <c>RS_REDOCLY</c>. Outside the script
/// (an IDE run) the test is reported as skipped with the reason, never as a silent pass.
/// </summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public const string Variable = "RS_REDOCLY";

    public RedoclyFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: run infra/test.sh, which installs the pinned Redocly CLI (tools/openapi-lint) and sets it.";
    }
}
