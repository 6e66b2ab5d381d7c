using Microsoft.Extensions.Options;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>Checks an uploaded visitor sheet row by row and answers what an import would do. Nothing is stored.</summary>
public static class PreviewVisitorImport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/preview", Handle).WithName(nameof(PreviewVisitorImport))
            .WithSummary("Preview a visitor import")
            .WithDescription("Checks every row of an uploaded visitor sheet (multipart field `file`, .xlsx or CSV UTF-8) as a person would be checked when created, plus duplicates (e-mail, ORCID) in the file and against stored people. Stores nothing. Hostile or unreadable files are refused with the reason (413, 422).")
            .AcceptsVisitorFile(group);

    public static async Task<Results<Ok<VisitorImportPreview>, ProblemHttpResult>> Handle(IFormFile? file, ResearchSecurityDbContext db, CurrentUser user,
        IOptions<ImportLimits> limits, IOptions<VisitorImportOptions> options, CancellationToken ct)
    {
        var (upload, refusal) = await VisitorImportResults.ReceiveAsync(file, limits.Value, options.Value, ct);
        if (upload is null) return refusal!;
        var rows = await VisitorImportCheck.CheckAsync(upload.Rows, db, user, ct);
        return TypedResults.Ok(VisitorImportResults.Preview(upload, rows));
    }
}
