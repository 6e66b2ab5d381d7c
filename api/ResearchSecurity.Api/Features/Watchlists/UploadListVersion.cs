using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ResearchSecurity.Core.Jobs;
using ResearchSecurity.Core.Watchlists;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Watchlists;

/// <summary>
/// POST multipart/form-data with one "file". Strict by default: any row error rejects the file with 422 and the
/// error report; <c>?mode=lenient</c> keeps the good rows and stores the report with the version. The same bytes as
/// a stored version answer 200 with that version and create nothing.
/// </summary>
public static class UploadListVersion
{
    public static void Map(RouteGroupBuilder group)
    {
        var limit = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value.MaxListFileBytes;
        group.MapPost("/{id}/versions", Handle).WithName(nameof(UploadListVersion))
            .WithSummary("Upload a watchlist version")
            .WithDescription("A new version from a file (multipart field `file`). Strict by default: any row error rejects the file with 422 and the error report; `mode=lenient` keeps the good rows. The same bytes as a stored version answer 200 with that version.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.WatchlistsManage)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .DisableAntiforgery();
    }

    public static async Task<Results<Created<ListVersionResponse>, Ok<ListVersionResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Handle(
        string id, IFormFile? file, [FromQuery] string? mode, ResearchSecurityDbContext db, CurrentUser user, IOptions<JobsOptions> options,
        IOptions<ImportLimits> limits, CancellationToken ct)
    {
        var watchlist = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (watchlist is null) return TypedResults.NotFound();
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Upload the list file as multipart field \"file\"."] });
        if (file.Length > options.Value.MaxListFileBytes)
            return TypedResults.Problem(title: "List file too large", detail: $"The limit is {options.Value.MaxListFileBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        var importMode = mode?.ToLowerInvariant() switch
        {
            null or "strict" => ImportMode.Strict,
            "lenient" => ImportMode.Lenient,
            _ => (ImportMode?)null,
        };
        if (importMode is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["Use \"strict\" or \"lenient\"."] });

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var outcome = await ListVersionImport.ImportAsync(db, watchlist, buffer.ToArray(), Path.GetFileName(file.FileName), importMode.Value, user.Id, ct, limits.Value);
        if (outcome.Rejected)
        {
            return TypedResults.Problem(title: "The list file was rejected", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: $"{outcome.TotalErrors} error(s); the active version stays in force.",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors, ["errorCount"] = outcome.TotalErrors });
        }
        var response = outcome.Version!.ToResponse();
        return outcome.Unchanged ? TypedResults.Ok(response) : TypedResults.Created($"/api/v1/watchlists/{id}/versions/{response.Number}", response);
    }
}
