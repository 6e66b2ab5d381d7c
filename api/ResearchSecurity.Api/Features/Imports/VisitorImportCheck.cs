using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// Checks every row of an upload as if it were a person created through the API, and for duplicates: the same
/// e-mail or ORCID twice in the file, or already stored. Nothing is written; the preview, the commit and the error
/// workbook all start from this.
/// </summary>
public static class VisitorImportCheck
{
    public sealed record CheckedRow(int Row, string? Name, PersonRequest Request, IReadOnlyList<RowError> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static async Task<IReadOnlyList<CheckedRow>> CheckAsync(IReadOnlyList<TableRow> rows, ResearchSecurityDbContext db, CurrentUser user, CancellationToken ct)
    {
        var validator = new PersonRequestValidator();
        var read = rows.Select(r => (Row: r.Row, Parsed: VisitorSheet.Read(r))).ToList();

        var proposalIds = read.Select(r => r.Parsed.Request.Visits![0].ProposalId).OfType<Guid>().Distinct().ToList();
        var visibleProposals = proposalIds.Count == 0 ? [] : (await db.Proposals.IgnoreAutoIncludes().VisibleTo(user, db)
            .Where(p => proposalIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

        var emails = read.Select(r => Normalise(r.Parsed.Request.Email)).OfType<string>().Distinct().ToList();
        var orcids = read.Select(r => r.Parsed.Request.Orcid?.Trim()).OfType<string>().Distinct().ToList();
        // Stored people are matched across the whole institution; the reason names the record only where the caller may see it.
        var stored = await db.People.IgnoreAutoIncludes()
            .Where(p => (p.Email != null && emails.Contains(p.Email.ToLower())) || (p.Orcid != null && orcids.Contains(p.Orcid)))
            .Select(p => new { p.Id, Email = p.Email == null ? null : p.Email.ToLower(), p.Orcid, Visible = p.OwnerId == user.Id || p.UserId == user.Id })
            .ToListAsync(ct);

        var firstByEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstByOrcid = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<CheckedRow>(read.Count);
        foreach (var (row, (request, readErrors)) in read)
        {
            var errors = new List<RowError>(readErrors);
            var unreadable = readErrors.Select(e => e.Column).ToHashSet();
            foreach (var failure in validator.Validate(request).Errors)
            {
                var column = VisitorSheet.ForPropertyPath(failure.PropertyName);
                if (column is not null && unreadable.Contains(column.Header)) continue;
                errors.Add(new RowError(row, column?.Header ?? failure.PropertyName, failure.ErrorMessage));
            }
            if (request.Visits![0].ProposalId is { } proposalId && !visibleProposals.Contains(proposalId))
                errors.Add(new RowError(row, VisitorSheet.ProposalId.Header, $"No proposal {proposalId} is visible to you."));

            if (Normalise(request.Email) is { } email)
            {
                if (!firstByEmail.TryAdd(email, row)) errors.Add(new RowError(row, VisitorSheet.Email.Header, $"The same e-mail is on row {firstByEmail[email]}."));
                else if (stored.Where(p => p.Email == email).OrderByDescending(p => p.Visible).FirstOrDefault() is { } person)
                    errors.Add(new RowError(row, VisitorSheet.Email.Header, Already(person.Visible, person.Id, "e-mail")));
            }
            if (request.Orcid?.Trim() is { Length: > 0 } orcid)
            {
                if (!firstByOrcid.TryAdd(orcid, row)) errors.Add(new RowError(row, VisitorSheet.Orcid.Header, $"The same ORCID iD is on row {firstByOrcid[orcid]}."));
                else if (stored.Where(p => p.Orcid == orcid).OrderByDescending(p => p.Visible).FirstOrDefault() is { } person)
                    errors.Add(new RowError(row, VisitorSheet.Orcid.Header, Already(person.Visible, person.Id, "ORCID iD")));
            }
            result.Add(new CheckedRow(row, request.Name, request, errors));
        }
        return result;
    }

    private static string Already(bool visible, Guid id, string what) => visible
        ? $"A person with this {what} is already registered (person {id}); edit that record instead."
        : $"A person with this {what} is already registered by someone else; ask the research-integrity office.";

    private static string? Normalise(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
