using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Screening.Import;

/// <summary>Outcome of an import. In strict mode a file with errors yields <see cref="Rejected"/> and no list.</summary>
public sealed record ImportResult(Watchlist? List, IReadOnlyList<ImportError> Errors, ImportMode Mode)
{
    public bool Rejected => List is null;

    private readonly int? _totalErrors;

    /// <summary>All errors found; <see cref="Errors"/> may hold only the first ones (see <see cref="ImportLimits.MaxReportedErrors"/>).</summary>
    public int TotalErrors { get => _totalErrors ?? Errors.Count; init => _totalErrors = value; }

    public string Report() => Rejected
        ? $"rejected: {TotalErrors} error(s)\n" + string.Join("\n", Errors)
        : $"imported {List!.Entities.Count} entities of '{List.ListId}' with {Errors.Count} error(s)" +
          (Errors.Count > 0 ? "\n" + string.Join("\n", Errors) : "");

    internal static ImportResult From(string listId, string displayName, string format, List<WatchlistEntity> entities,
                                      List<ImportError> errors, ImportMode mode)
    {
        if (mode == ImportMode.Strict && errors.Count > 0) return new ImportResult(null, errors, mode);
        if (entities.Count == 0 && errors.Count == 0) errors.Add(new ImportError(0, null, "the file holds no entities"));
        if (entities.Count == 0) return new ImportResult(null, errors, mode);
        return new ImportResult(new Watchlist(listId, displayName, format, entities), errors, mode);
    }
}
