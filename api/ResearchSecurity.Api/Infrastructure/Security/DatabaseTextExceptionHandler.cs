using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace ResearchSecurity.Api.Infrastructure.Security;

/// <summary>
/// Last line behind the input guards: text PostgreSQL refuses (NUL, bad encoding, a value too long for its column)
/// is the caller's fault, so it answers 400 rather than 500, and nothing was stored (the statement failed).
/// </summary>
public sealed class DatabaseTextExceptionHandler : IExceptionHandler
{
    private static readonly HashSet<string> CallerFaults =
    [
        PostgresErrorCodes.CharacterNotInRepertoire, // 22021: NUL or invalid UTF-8 in text
        PostgresErrorCodes.UntranslatableCharacter,  // 22P05
        PostgresErrorCodes.StringDataRightTruncation, // 22001: longer than the column allows
        PostgresErrorCodes.NumericValueOutOfRange,    // 22003
        PostgresErrorCodes.InvalidTextRepresentation, // 22P02
    ];

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        if (postgres is null || !CallerFaults.Contains(postgres.SqlState)) return false;
        await TypedResults.Problem(title: "A value in the request cannot be stored",
            detail: "A text or number is not acceptable (a control character, or too long or large for its field).",
            statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
        return true;
    }
}
