using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Api.Infrastructure;

/// <summary>
/// Strong ETags from the record's content version (see AggregateRoot.Version). If-Match is required for updates (428 without it) and checked twice: against
/// the loaded row (412 now) and as EF's original concurrency value (412 if someone saves in between).
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = For(version);

    /// <summary>Sets the ETag a response body already carries (its <c>eTag</c> field), so header and body agree.</summary>
    public static void Set(HttpContext context, string etag) => context.Response.Headers.ETag = etag;

    /// <summary>Returns an error result, or null when the precondition holds.</summary>
    public static IResult? Check(HttpContext context, ResearchSecurity.Core.Data.ResearchSecurityDbContext db, AggregateRoot record, bool required)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return required
                ? TypedResults.Problem(title: "If-Match header required",
                    detail: "Send the ETag you last read in If-Match so concurrent edits are not lost.",
                    statusCode: StatusCodes.Status428PreconditionRequired)
                : null;
        }
        if (ifMatch.Trim() == "*") return null;
        var tag = ifMatch.Trim().Replace("W/", string.Empty).Trim('"');
        if (!long.TryParse(tag, out var expected) || expected != record.Version)
        {
            return TypedResults.Problem(title: "The record was changed by someone else",
                detail: $"If-Match {ifMatch} does not match the current version {For(record.Version)}.",
                statusCode: StatusCodes.Status412PreconditionFailed);
        }
        db.Entry(record).Property(r => r.Version).OriginalValue = expected;
        return null;
    }
}
