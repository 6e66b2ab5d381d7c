using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResearchSecurity.Api.Features.Dossier;

/// <summary>
/// Writes a <see cref="DossierContent"/> as a Word document with real structure: Heading 1/2 styles (the navigation
/// pane's outline), a table-of-contents field Word fills on opening, tables whose header row repeats on every page, a
/// footer with the proposal id, the print time, "printed from the audit-verified record" and the page number, and the
/// document's core properties. Every text is written as text (OpenXml escapes it); characters XML cannot carry are
/// dropped rather than failing the print.
/// </summary>
public static class ReviewDossierDocument
{
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";

    public static byte[] Build(DossierContent c, string printedBy)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            // Word fills the table of contents (and page numbers) when the file is opened.
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var footerId = AddFooter(main, c);
            var body = new Body();
            main.Document = new Document(body);

            Write(body, c);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));

            doc.PackageProperties.Title = $"Review dossier {c.Proposal.Id}";
            doc.PackageProperties.Subject = "Research-security review dossier";
            doc.PackageProperties.Creator = "ResearchSecurity";
            doc.PackageProperties.Keywords = c.OfficeVersion ? "full record" : "investigator version";
            doc.PackageProperties.Created = c.PrintedAt.UtcDateTime;
            doc.PackageProperties.Modified = c.PrintedAt.UtcDateTime;
            doc.PackageProperties.LastModifiedBy = Clean(printedBy);
        }
        return stream.ToArray();
    }

    private static void Write(Body body, DossierContent c)
    {
        var p = c.Proposal;
        body.Append(Para(Clean(p.Title), "Title"));
        body.Append(Para($"Review dossier of proposal {p.Id} — {(c.OfficeVersion ? "full record for the research-integrity office" : "investigator's version")}, printed {Stamp(c.PrintedAt)}."));
        body.Append(TableOfContents());

        body.Append(Heading("Summary and technology areas", Heading1));
        body.Append(Para(Clean(p.Summary ?? "No summary was given.")));
        body.Append(Table(["Status", "Technology areas", "Planned", "Submitted"],
            [[p.Status.ToString(), p.TechnologyAreas.Count == 0 ? "none declared" : string.Join(", ", p.TechnologyAreas),
              $"{Day(p.PlannedStart)} – {Day(p.PlannedEnd)}", p.SubmittedAt is { } s ? Stamp(s) : "not submitted"]]));

        body.Append(Heading("Parties", Heading1));
        body.Append(Heading("Partner organisations", Heading2));
        body.Append(p.Partners.Count == 0 ? Para("No partner organisation.")
            : Table(["Partner", "Country", "Role", "Website", "Contact"],
                p.Partners.Select(x => new[] { x.Name, x.Country, x.Role.ToString(), x.Website ?? "", x.ContactEmail ?? "" })));
        body.Append(Heading("People", Heading2));
        if (c.People.Count == 0) body.Append(Para("Nobody is named on the proposal."));
        foreach (var person in c.People)
        {
            var role = p.Members.FirstOrDefault(m => m.PersonId == person.Id)?.Role.ToString() ?? "";
            body.Append(Para($"{person.Name}{(person.NativeName is null ? "" : $" ({person.NativeName})")} — {role}", bold: true));
            body.Append(person.Affiliations.Count == 0 ? Para("No affiliation history.")
                : Table(["Affiliation", "Country", "Kind", "From", "Until"],
                    person.Affiliations.Select(a => new[] { a.OrganisationName, a.Country ?? "", a.Kind.ToString(), Day(a.StartDate), a.IsCurrent ? "current" : Day(a.EndDate) })));
            if (person.Visits.Count > 0)
                body.Append(Table(["Visit: host department", "Host", "From", "Until", "Sponsor"],
                    person.Visits.Select(v => new[] { v.HostDepartment, v.HostPrincipalInvestigator ?? "", Day(v.StartDate), Day(v.EndDate), v.Sponsor ?? "" })));
            if (person.TalentPrograms.Count > 0)
                body.Append(Table(["Talent programme", "Sponsor", "From", "Until", "Compensation"],
                    person.TalentPrograms.Select(t => new[] { t.ProgramName, t.Sponsor ?? "", Day(t.StartDate), Day(t.EndDate), t.Compensation ?? "" })));
            var d = person.Declarations;
            body.Append(Para("Declarations: " + string.Join("; ",
                $"employed under a foreign government's direction: {YesNo(d.EmployedUnderForeignGovernmentDirection)}",
                $"25 % or more of income from a foreign government: {YesNo(d.ForeignGovernmentIncomeAtLeast25Percent)}",
                $"acting on a foreign government's instruction: {YesNo(d.ActingOnForeignGovernmentInstruction)}",
                $"receives foreign funding: {YesNo(d.ReceivesForeignFunding)}{(d.ForeignFundingDetails is null ? "" : $" ({d.ForeignFundingDetails})")}")));
        }

        body.Append(Heading("Funding", Heading1));
        body.Append(p.FundingSources.Count == 0 ? Para("No funding source.")
            : Table(["Funder", "Sponsor", "Payer", "Country", "Amount"],
                p.FundingSources.Select(f => new[] { f.FunderName, f.Sponsor ?? "", f.Payer ?? "", f.Country,
                    f.Amount is { } amount ? $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {f.Currency}" : f.InKindDescription ?? "in kind" })));

        body.Append(Heading("Screening hits", Heading1));
        body.Append(c.Hits.Count == 0 ? Para("Screening found no match against the lists in force.")
            : Table(["Text screened", "Listed entity", "List and version", "Name matched", "Score", "Why", "Disposition"],
                c.Hits.Select(h => new[]
                {
                    $"{h.TextScreened} ({h.SubjectType} {h.Field})", h.EntityName,
                    $"{h.WatchlistId}, version {h.ListVersionNumber?.ToString(CultureInfo.InvariantCulture) ?? "?"}",
                    h.MatchedName, h.Score.ToString("0.00", CultureInfo.InvariantCulture), Explain(h.Explanation),
                    Disposition(h),
                })));

        body.Append(Heading("Risk", Heading1));
        body.Append(Para($"Risk level {c.Risk.Level} (score {c.Risk.Score.ToString("0.00", CultureInfo.InvariantCulture)}) under risk policy " +
                         $"{c.Risk.Policy.PolicyId} version {c.Risk.Policy.Version}{(c.Risk.Policy.DecisionLabel is null ? "" : $": {c.Risk.Policy.DecisionLabel}")}."));
        if (c.Risk.Factors.Count > 0)
            body.Append(Table(["Factor", "Kind", "Weight"],
                c.Risk.Factors.Select(f => new[] { f.Title, f.Kind, f.Weight.ToString("0.00", CultureInfo.InvariantCulture) })));
        body.Append(Heading("Red flags", Heading2));
        body.Append(c.Risk.Flags.Count == 0 ? Para("No red flag was raised.")
            : Table(["Flag", "Status", "Explanation", "Dismissal"],
                c.Risk.Flags.Select(f => new[] { f.Title, f.Status, f.Explanation,
                    f.DismissedBy is null ? "" : $"{f.DismissedBy}, {Stamp(f.DismissedAt)}: {f.DismissalReason}" })));

        body.Append(Heading("Questions to the investigator", Heading1));
        body.Append(c.InformationRequests.Count == 0 ? Para("No question was asked.")
            : Table(["Asked", "By", "Question", "Answer"],
                c.InformationRequests.Select(q => new[] { Stamp(q.AskedAt), q.AskedBy, q.Question, q.Answer ?? "not answered yet" })));

        body.Append(Heading("Decisions", Heading1));
        if (c.Decisions.Count == 0) body.Append(Para("No decision has been recorded."));
        foreach (var d in c.Decisions)
        {
            body.Append(Heading($"{d.Outcome} — {Stamp(d.DecidedAt)}", Heading2));
            body.Append(Para($"Decided by {d.DecidedBy} at {d.RiskAtDecision} risk (policy version {d.RiskPolicyVersion?.ToString(CultureInfo.InvariantCulture) ?? "—"}); state {d.State}."));
            body.Append(Para("Rationale: " + Clean(d.Rationale)));
            if (d.Conditions.Count > 0)
                body.Append(Table(["Condition", "Owner", "Due"], d.Conditions.Select(x => new[] { x.Description, x.Owner, Day(x.DueDate) })));
            body.Append(Para(d.ConfirmedBy is null ? "Not confirmed by a second reviewer." : $"Confirmed by the second reviewer {d.ConfirmedBy}, {Stamp(d.ConfirmedAt)}."));
        }

        body.Append(Heading("Audit excerpt", Heading1));
        body.Append(Para(c.Chain.Intact
            ? $"The audit chain was verified intact when this dossier was printed ({c.Chain.EventsChecked} events checked)."
            : $"The audit chain FAILED verification when this dossier was printed: {c.Chain.Problem} (first broken event {c.Chain.FirstBrokenSequence})."));
        body.Append(Para($"Chain head at printing: event {c.ChainHeadSequence}, hash {c.ChainHeadHash}."));
        // The investigator's version lists what happened, not the office's reasons (they can quote reviewers' notes).
        body.Append(c.OfficeVersion
            ? Table(["#", "When", "Event", "By", "Reason", "Hash"],
                c.AuditExcerpt.Select(e => new[] { e.Sequence.ToString(CultureInfo.InvariantCulture), Stamp(e.OccurredAt), e.EventType, e.ActorId, e.Reason ?? "", e.Hash[..16] + "…" }))
            : Table(["#", "When", "Event", "By", "Hash"],
                c.AuditExcerpt.Select(e => new[] { e.Sequence.ToString(CultureInfo.InvariantCulture), Stamp(e.OccurredAt), e.EventType, e.ActorId, e.Hash[..16] + "…" })));
    }

    private static string Disposition(Reviews.HitResponse h)
    {
        if (h.Disposition == Core.Screening.Disposition.None) return h.Status == Core.Screening.HitStatus.Historical ? $"historical: {h.HistoricalReason}" : "not yet dispositioned";
        var text = $"{h.Disposition} by {h.DisposedBy}, {Stamp(h.DisposedAt)}";
        if (h.DispositionReason is not null) text += $": {h.DispositionReason}";
        if (h.DispositionNote is not null) text += $" — note: {h.DispositionNote}";
        return text;
    }

    /// <summary>The matcher's explanation in a line: which name form matched and the features that scored.</summary>
    private static string Explain(JsonElement? explanation)
    {
        if (explanation is not { ValueKind: JsonValueKind.Object } e) return "";
        var parts = new List<string>();
        if (e.TryGetProperty("matchedNameKind", out var kind)) parts.Add($"{kind} name");
        if (e.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
            parts.AddRange(features.EnumerateArray().Select(f => (Text(f, "feature") ?? Text(f, "name"), Text(f, "detail")) switch
            {
                ({ } feature, { Length: > 0 } detail) => $"{feature} ({detail})",
                ({ } feature, _) => feature,
                _ => "",
            }).Where(t => t.Length > 0));
        if (e.TryGetProperty("parentPath", out var path) && path.ValueKind == JsonValueKind.String) parts.Add($"via {path.GetString()}");
        return string.Join("; ", parts);
    }

    // Stored explanations come from several engine versions: read what is there, never fail the print on a missing field.
    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Paragraph Heading(string text, string style) => Para(text, style);

    private static Paragraph Para(string text, string? style = null, bool bold = false)
    {
        var run = new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        var paragraph = new Paragraph(run);
        if (style is not null) paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        return paragraph;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "DossierTable" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        // Equal columns over the text width (A4 less margins, in twentieths of a point); Word and LibreOffice re-fit them.
        table.Append(new TableGrid(headers.Select(_ => new GridColumn { Width = (9638 / headers.Length).ToString(CultureInfo.InvariantCulture) })));
        // The header row repeats at the top of every page the table runs onto.
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. headers.Select(h => Cell(h, header: true))]));
        foreach (var row in rows) table.Append(new TableRow(row.Select(v => (OpenXmlElement)Cell(v, header: false))));
        return table;
    }

    private static TableCell Cell(string text, bool header)
    {
        var run = new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (header) run.RunProperties = new RunProperties(new Bold());
        return new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run));
    }

    /// <summary>A TOC field over Heading 1–2 with a placeholder until Word (or LibreOffice) fills it.</summary>
    private static Paragraph TableOfContents() => new(
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
        new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("Contents: the table is filled when the document is opened.")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static string AddFooter(MainDocumentPart main, DossierContent c)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(new Text($"Proposal {c.Proposal.Id} · generated {Stamp(c.PrintedAt)} · printed from the audit-verified record · page ")
                { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return main.GetIdOfPart(part);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int? outline = null, string? basedOn = "Normal")
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = false };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
            style.Append(new PrimaryStyle());
            var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outline is null ? "0" : "240", After = "120" });
            if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
            style.Append(paragraph);
            var run = new StyleRunProperties();
            if (bold) run.Append(new Bold());
            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            style.Append(run);
            return style;
        }

        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Noto Sans CJK SC" }, new FontSize { Val = "20" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var table = new Style(new StyleName { Val = "Dossier Table" },
            new StyleTableProperties(new TableBorders(
                // Schema order: top, left, bottom, right, inside.
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "DossierTable" };

        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(normal,
            ParagraphStyle("Title", "Title", 36, bold: true, basedOn: "Normal"),
            ParagraphStyle(Heading1, "heading 1", 28, bold: true, outline: 0),
            ParagraphStyle(Heading2, "heading 2", 24, bold: true, outline: 1),
            ParagraphStyle("Footer", "footer", 16, bold: false),
            table);
    }

    private static string Stamp(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "not answered" };

    /// <summary>Drops the characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvertSafe)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { clean.Append(ch).Append(text[++i]); continue; }
            if (XmlConvertSafe(ch)) clean.Append(ch);
        }
        return clean.ToString();
    }

    private static bool XmlConvertSafe(char ch) => System.Xml.XmlConvert.IsXmlChar(ch);
}
