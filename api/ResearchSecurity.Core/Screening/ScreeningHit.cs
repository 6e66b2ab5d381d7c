using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Screening;

public enum HitStatus { Active = 0, Historical = 1 }

public enum Disposition { None = 0, TrueMatch = 1, FalsePositive = 2, NeedsInformation = 3 }

/// <summary>
/// A name on a record that matched a listed entity. There is at most one hit per (subject, field, list, entity) —
/// a unique index, so re-running a screening job can only refresh a hit, never duplicate it. A reviewer's
/// disposition stays with the hit until the listed entry or the screened text changes, which re-raises it.
/// </summary>
public sealed class ScreeningHit : Entity
{
    private ScreeningHit() { }

    public string SubjectType { get; private set; } = string.Empty;
    public Guid SubjectId { get; private set; }
    public Guid? ProposalId { get; private set; }
    public Guid? PersonId { get; private set; }
    /// <summary>Which field of the subject matched: "name", "address", "organisationName", "funderName", "payer", "emailDomain"...</summary>
    public string Field { get; private set; } = string.Empty;
    public string TextScreened { get; private set; } = string.Empty;
    public string WatchlistId { get; private set; } = string.Empty;
    public Guid ListVersionId { get; private set; }
    public string EntityId { get; private set; } = string.Empty;
    public string EntityName { get; private set; } = string.Empty;
    public string MatchedName { get; private set; } = string.Empty;
    public string Segment { get; private set; } = string.Empty;
    public double Score { get; private set; }
    public HitStatus Status { get; private set; }
    public string? HistoricalReason { get; private set; }
    /// <summary>The engine's explanation as JSON: features, matched/unmatched tokens, country agreement, parent path.</summary>
    public string Explanation { get; private set; } = string.Empty;
    public string EntityContentHash { get; private set; } = string.Empty;
    public Guid RunId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset LastScreenedAt { get; private set; }

    public Disposition Disposition { get; private set; }
    public string? DispositionReason { get; private set; }
    public string? DispositionNote { get; private set; }
    public string? DisposedBy { get; private set; }
    public DateTimeOffset? DisposedAt { get; private set; }
    public DateTimeOffset? ReRaisedAt { get; private set; }
    public string? ReRaisedReason { get; private set; }

    public bool IsFundingRelated => SubjectType == "FundingSource";

    public static ScreeningHit Raise(Guid runId, string subjectType, Guid subjectId, Guid? proposalId, Guid? personId, string field,
        string textScreened, string watchlistId, Guid listVersionId, string entityId, string entityName, string matchedName,
        string segment, double score, HitStatus status, string explanation, string entityContentHash, DateTimeOffset now) => new()
    {
        RunId = runId, SubjectType = subjectType, SubjectId = subjectId, ProposalId = proposalId, PersonId = personId, Field = field,
        TextScreened = textScreened, WatchlistId = watchlistId, ListVersionId = listVersionId, EntityId = entityId, EntityName = entityName,
        MatchedName = matchedName, Segment = segment, Score = score, Status = status, Explanation = explanation,
        EntityContentHash = entityContentHash, RaisedAt = now, LastScreenedAt = now,
    };

    /// <summary>
    /// The same subject field matched the same entity again. Returns true when the hit was re-raised: it had been
    /// dispositioned, and the listed entry (its content hash) or the screened text has changed since.
    /// </summary>
    public bool Refresh(Guid runId, Guid listVersionId, string textScreened, string entityName, string matchedName, string segment,
        double score, HitStatus status, string explanation, string entityContentHash, DateTimeOffset now)
    {
        string? reason = null;
        if (Disposition != Disposition.None)
        {
            if (entityContentHash != EntityContentHash) reason = "The listed entry changed (names, listing period or parent).";
            else if (textScreened != TextScreened) reason = "The screened text changed.";
        }
        RunId = runId;
        ListVersionId = listVersionId;
        TextScreened = textScreened;
        EntityName = entityName;
        MatchedName = matchedName;
        Segment = segment;
        Score = score;
        Explanation = explanation;
        EntityContentHash = entityContentHash;
        LastScreenedAt = now;
        Status = status;
        HistoricalReason = status == HitStatus.Historical ? "The listing period has ended." : null;
        if (reason is null) return false;
        ReRaise(reason, now);
        return true;
    }

    /// <summary>The entity left the list, or the subject no longer matches: keep the hit as history, never delete it.</summary>
    public void MarkHistorical(string reason, DateTimeOffset now)
    {
        if (Status == HitStatus.Historical) return;
        Status = HitStatus.Historical;
        HistoricalReason = reason;
        LastScreenedAt = now;
    }

    public void RecordDisposition(Disposition disposition, string? reason, string? note, string reviewer, DateTimeOffset now)
    {
        if (disposition == Disposition.None) throw new DomainException("Choose a disposition.");
        if (disposition == Disposition.FalsePositive && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("A false positive needs a reason.");
        Disposition = disposition;
        DispositionReason = reason;
        DispositionNote = note;
        DisposedBy = reviewer;
        DisposedAt = now;
    }

    private void ReRaise(string reason, DateTimeOffset now)
    {
        Disposition = Disposition.None;
        ReRaisedAt = now;
        ReRaisedReason = reason;
    }
}
