using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchSecurity.Core.Audit;

/// <summary>
/// A proposal's audit trail as an Excel workbook, for offices that file evidence as spreadsheets: a header sheet
/// (what, when, by whom) and one row per event with its hash, so the chain can be checked against the database.
/// </summary>
public static class AuditTrailWorkbook
{
    private static readonly string[] Columns =
        ["Sequence", "Occurred (UTC)", "Event", "Actor", "Actor kind", "Job", "Subject type", "Subject id", "Reason", "Changes", "Correlation id", "Client address", "Hash", "Previous hash"];

    public static byte[] Build(string title, Guid proposalId, DateTimeOffset exportedAt, string exportedBy, IReadOnlyList<AuditEvent> events)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, "Export", [
                ["Proposal", title], ["Proposal id", proposalId.ToString()], ["Exported at (UTC)", Stamp(exportedAt)],
                ["Exported by", exportedBy], ["Events", events.Count.ToString(CultureInfo.InvariantCulture)],
            ]);
            AddSheet(workbook, "Audit trail", [Columns, .. events.Select(e => (IReadOnlyList<string>)[
                e.Sequence.ToString(CultureInfo.InvariantCulture), Stamp(e.OccurredAt), e.EventType.ToString(), e.ActorId, e.ActorKind, e.JobId ?? "",
                e.SubjectType, e.SubjectId?.ToString() ?? "", e.Reason ?? "", e.Changes ?? "", e.CorrelationId ?? "", e.ClientAddress ?? "",
                e.Hash, e.PreviousHash,
            ])]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, IEnumerable<IReadOnlyList<string>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            // Inline strings: no shared-string table to keep in step, and every value stays text (ids, hashes).
            data.AppendChild(new Row(row.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
        }
        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
