using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Risk;

namespace ResearchSecurity.Core.ApproachReports;

/// <summary>How the approach was made.</summary>
public enum ApproachChannel { Conference = 0, Email = 1, Visit = 2, SocialMedia = 3, RecruitmentOffer = 4, Phone = 5, Other = 6 }

/// <summary>Triage: a report is handled by the office, never by one person alone.</summary>
public enum ApproachReportStatus { New = 0, UnderReview = 1, Closed = 2 }

/// <summary>What the office concluded. Only <see cref="NoConcern"/> takes the reported party out of the risk rules.</summary>
public enum ApproachOutcome { NoConcern = 0, Suspicious = 1, ReferredToSecurity = 2 }

/// <summary>What the approacher asked for or offered, as the guidance lists the warning signs.</summary>
public static class ApproachAsks
{
    public const string OneOnOneMeeting = "oneOnOneMeeting";
    public const string Data = "data";
    public const string Samples = "samples";
    public const string LectureWithPaidTravel = "lectureWithPaidTravel";
    public const string Compensation = "compensation";
    public const string Housing = "housing";
    public const string Position = "position";
    public const string Equipment = "equipment";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [OneOnOneMeeting, Data, Samples, LectureWithPaidTravel, Compensation, Housing, Position, Equipment, Other];
}

public sealed record ApproachDetails(
    string? ApproacherName, string? ApproacherOrganisation, string? ApproacherEmail, string? ApproacherPhone, string? Country,
    ApproachChannel Channel, IReadOnlyList<string> Asks, DateOnly ApproachedOn, string Description);

/// <summary>
/// A member of staff's report of a suspicious approach: who approached (as written), how, what they asked for, when.
/// The reporter owns it; research-integrity reviewers triage it (New → UnderReview → Closed with an outcome). The
/// approacher's organisation and name are screened like any other subject, and the normal forms of the party
/// (organisation words, e-mail, domain, phone) are kept so the risk rules can tie a later proposal to the report.
/// </summary>
public sealed class ApproachReport : AggregateRoot
{
    private ApproachReport() { }

    public string? ApproacherName { get; private set; }
    public string? ApproacherOrganisation { get; private set; }
    public string? ApproacherEmail { get; private set; }
    public string? ApproacherPhone { get; private set; }
    public string? Country { get; private set; }
    public ApproachChannel Channel { get; private set; }
    public List<string> Asks { get; private set; } = [];
    public DateOnly ApproachedOn { get; private set; }
    public string Description { get; private set; } = string.Empty;

    public ApproachReportStatus Status { get; private set; }
    public ApproachOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public string? TriagedBy { get; private set; }
    public DateTimeOffset? ReviewStartedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    // Normal forms the risk rules look the party up by (see PartyText); empty when the report does not give them.
    public string OrganisationKey { get; private set; } = string.Empty;
    public string PersonKey { get; private set; } = string.Empty;
    public string EmailKey { get; private set; } = string.Empty;
    public string EmailDomainKey { get; private set; } = string.Empty;
    public string PhoneKey { get; private set; } = string.Empty;

    /// <summary>Evidence for the risk rules unless the office closed it as of no concern.</summary>
    public bool IsEvidence => !(Status == ApproachReportStatus.Closed && Outcome == ApproachOutcome.NoConcern);

    public ApproachDetails Details => new(ApproacherName, ApproacherOrganisation, ApproacherEmail, ApproacherPhone, Country, Channel, Asks,
        ApproachedOn, Description);

    public static ApproachReport File(string reporterId, ApproachDetails d, DateTimeOffset now)
    {
        var report = new ApproachReport
        {
            OwnerId = reporterId, CreatedAt = now, UpdatedAt = now, Status = ApproachReportStatus.New,
            ApproacherName = Trimmed(d.ApproacherName), ApproacherOrganisation = Trimmed(d.ApproacherOrganisation),
            ApproacherEmail = Trimmed(d.ApproacherEmail), ApproacherPhone = Trimmed(d.ApproacherPhone),
            Country = Trimmed(d.Country)?.ToUpperInvariant(), Channel = d.Channel,
            Asks = d.Asks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ApproachedOn = d.ApproachedOn, Description = d.Description.Trim(),
        };
        report.OrganisationKey = PartyText.OrganisationKey(report.ApproacherOrganisation);
        report.PersonKey = PartyText.PersonKey(report.ApproacherName);
        report.EmailKey = report.ApproacherEmail?.ToLowerInvariant() ?? string.Empty;
        report.EmailDomainKey = PartyText.EmailDomain(report.ApproacherEmail) is { } domain && !PartyText.IsPublicMail(domain) ? domain : string.Empty;
        report.PhoneKey = PartyText.PhoneKey(report.ApproacherPhone, report.Country) ?? string.Empty;
        return report;
    }

    public void StartReview(string reviewer, DateTimeOffset now)
    {
        if (Status != ApproachReportStatus.New) throw new DomainException($"Only a new report can be taken under review; this one is {Status}.");
        Status = ApproachReportStatus.UnderReview;
        TriagedBy = reviewer;
        ReviewStartedAt = now;
        Touch(now);
    }

    public void Close(string reviewer, ApproachOutcome outcome, string note, DateTimeOffset now)
    {
        if (Status != ApproachReportStatus.UnderReview) throw new DomainException($"Only a report under review can be closed; this one is {Status}.");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Closing a report needs a note on the outcome.");
        Status = ApproachReportStatus.Closed;
        Outcome = outcome;
        OutcomeNote = note.Trim();
        ClosedBy = reviewer;
        ClosedAt = now;
        Touch(now);
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
