using System.Globalization;
using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Core.People;
using ResearchSecurity.Screening.Import;

namespace ResearchSecurity.Api.Features.Imports;

/// <summary>
/// The visiting-researcher sheet: its columns (the template's, in order), and how one row becomes a
/// <see cref="PersonRequest"/> — one person with one current affiliation and one visit, validated by the same
/// <see cref="PersonRequestValidator"/> as a person created through the API.
/// </summary>
public static class VisitorSheet
{
    public sealed record Column(string Header, string Help, bool Required = false, string? ListName = null, bool IsDate = false)
    {
        /// <summary>The readers key cells by lower-cased header.</summary>
        public string Key => Header.ToLowerInvariant();
    }

    public static readonly Column Name = new("Name", "Full name in Latin script, as in the passport.", Required: true);
    public static readonly Column NativeName = new("Native name", "The name in its own script, if any (王芳, Иван Петров).");
    public static readonly Column Email = new("E-mail", "Work e-mail. Used to find duplicates.");
    public static readonly Column Orcid = new("ORCID", "ORCID iD, e.g. 0000-0002-1825-0097. Used to find duplicates.");
    public static readonly Column Affiliation = new("Affiliation", "Current home institution, as written on the visitor's papers.", Required: true);
    public static readonly Column AffiliationCountry = new("Affiliation country", "ISO 3166 two-letter code (CN, RU, DE …).", ListName: "Countries");
    public static readonly Column AffiliationKind = new("Affiliation kind", "One of the list's values; Employment if empty.", ListName: "AffiliationKinds");
    public static readonly Column AffiliationStart = new("Affiliation start", "Date (YYYY-MM-DD) the affiliation began, if known.", IsDate: true);
    public static readonly Column HostDepartment = new("Host department", "The department that hosts the visit.", Required: true);
    public static readonly Column HostPi = new("Host PI", "The principal investigator who hosts the visitor.");
    public static readonly Column VisitStart = new("Visit start", "First day of the visit (YYYY-MM-DD).", Required: true, IsDate: true);
    public static readonly Column VisitEnd = new("Visit end", "Last day of the visit (YYYY-MM-DD).", Required: true, IsDate: true);
    public static readonly Column Sponsor = new("Sponsor", "Who pays for the visit (e.g. China Scholarship Council), if anyone.");
    public static readonly Column ProposalId = new("Proposal id", "Optional: the id of your proposal the visit belongs to.");

    public static readonly IReadOnlyList<Column> Columns =
        [Name, NativeName, Email, Orcid, Affiliation, AffiliationCountry, AffiliationKind, AffiliationStart, HostDepartment, HostPi, VisitStart, VisitEnd, Sponsor, ProposalId];

    /// <summary>A validator property path (e.g. <c>Visits[0].StartDate</c>) → the column it came from.</summary>
    private static readonly Dictionary<string, Column> ByPropertyPath = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = Name, ["NativeName"] = NativeName, ["Email"] = Email, ["Orcid"] = Orcid,
        ["Affiliations[0].OrganisationName"] = Affiliation, ["Affiliations[0].Country"] = AffiliationCountry,
        ["Affiliations[0].Kind"] = AffiliationKind, ["Affiliations[0].StartDate"] = AffiliationStart, ["Affiliations[0].EndDate"] = AffiliationStart,
        ["Visits[0].HostDepartment"] = HostDepartment, ["Visits[0].HostPrincipalInvestigator"] = HostPi,
        ["Visits[0].StartDate"] = VisitStart, ["Visits[0].EndDate"] = VisitEnd, ["Visits[0].Sponsor"] = Sponsor, ["Visits[0].ProposalId"] = ProposalId,
    };

    public static Column? ForPropertyPath(string path) => ByPropertyPath.GetValueOrDefault(path);

    /// <summary>Reads one row; cells that cannot be read (a date, a kind, an id) are reported and left empty for the validator.</summary>
    public static (PersonRequest Request, List<RowError> Errors) Read(TableRow row)
    {
        var errors = new List<RowError>();
        string? Text(Column c) => row.Get(c.Key) is { Length: > 0 } v ? v : null;
        DateOnly? Date(Column c)
        {
            var text = Text(c);
            if (text is null) return null;
            if (TryDate(text, out var date)) return date;
            errors.Add(new RowError(row.Row, c.Header, $"'{text}' is not a date: write YYYY-MM-DD or use a date cell."));
            return null;
        }

        AffiliationKind? kind = Core.People.AffiliationKind.Employment;
        if (Text(AffiliationKind) is { } kindText)
        {
            kind = Enum.TryParse<AffiliationKind>(kindText.Replace(" ", ""), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
            if (kind is null) errors.Add(new RowError(row.Row, AffiliationKind.Header, $"'{kindText}' is not one of {string.Join(", ", Enum.GetNames<AffiliationKind>())}."));
        }
        Guid? proposalId = null;
        if (Text(ProposalId) is { } idText)
        {
            if (Guid.TryParse(idText, out var id)) proposalId = id;
            else errors.Add(new RowError(row.Row, ProposalId.Header, $"'{idText}' is not a proposal id."));
        }
        var request = new PersonRequest(
            Text(Name), Text(NativeName), Text(Email), Text(Orcid), UserId: null, Declarations: null,
            Affiliations: [new AffiliationRequest(null, Text(Affiliation), Text(AffiliationCountry)?.ToUpperInvariant(), kind, Date(AffiliationStart), null, true)],
            Visits: [new VisitRequest(null, proposalId, Text(HostDepartment), Text(HostPi), Date(VisitStart), Date(VisitEnd), Text(Sponsor))],
            TalentPrograms: null);
        // The validator names a missing required value; an unreadable one was reported above, so say it once.
        return (request, errors);
    }

    /// <summary>ISO dates as text, or a spreadsheet date cell (a serial day number). Day-first or month-first text is refused: it is ambiguous.</summary>
    internal static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) { date = DateOnly.FromDateTime(dt); return true; }
        // Serial dates from 1950 to 2100: a wider number is not a date someone meant.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 18264 and < 73051)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }
        return false;
    }
}

/// <summary>One problem with one row: the row number in the file (header = 1), the column's header and the reason.</summary>
public sealed record RowError(int Row, string? Column, string Reason);
