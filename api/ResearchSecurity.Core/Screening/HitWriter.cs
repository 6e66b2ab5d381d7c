using System.Text.Json;
using System.Text.Json.Serialization;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Watchlists;

namespace ResearchSecurity.Core.Screening;

/// <summary>What one screening pass did to the stored hits.</summary>
public sealed class HitTally
{
    public int Raised { get; set; }
    public int ReRaised { get; set; }
    public int MadeHistorical { get; set; }
    public int Unchanged { get; set; }
    public HashSet<Guid> Proposals { get; } = [];
    public HashSet<Guid> People { get; } = [];

    public void Touch(ScreeningHit hit)
    {
        if (hit.ProposalId is { } p) Proposals.Add(p);
        if (hit.PersonId is { } person) People.Add(person);
    }
}

/// <summary>
/// Turns matches into stored hits: a new (subject, field, list, entity) raises a hit; a known one is refreshed (and
/// re-raised if a reviewer had cleared it and the listed entry or the text changed); a known hit in scope that no
/// longer matches becomes historical. Only real changes write rows and audit events, so a re-run writes nothing.
/// </summary>
public static class HitWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="existing">The subject's stored hits that these matches may refresh or retire.</param>
    /// <param name="inScope">Which existing hits this pass is responsible for (e.g. the lists screened).</param>
    public static void Apply(ResearchSecurityDbContext db, Guid runId, ScreeningSubject subject, IReadOnlyList<FieldMatch> matches,
        IReadOnlyList<ScreeningHit> existing, Func<ScreeningHit, bool> inScope, string noLongerMatchesReason, DateTimeOffset now, HitTally tally)
    {
        var byKey = existing.ToDictionary(h => (h.Field, h.WatchlistId, h.EntityId));
        var seen = new HashSet<(string, string, string)>();
        foreach (var m in matches)
        {
            var key = (m.Field.Field, m.Match.ListId, m.Match.EntityId);
            seen.Add(key);
            var status = m.Match.Status == ResearchSecurity.Screening.Model.ListingStatus.Active ? HitStatus.Active : HitStatus.Historical;
            var explanation = JsonSerializer.Serialize(m.Match.Explanation, Json);
            var score = Math.Round(m.Match.Score, 4);
            if (!byKey.TryGetValue(key, out var hit))
            {
                hit = ScreeningHit.Raise(runId, subject.Type, subject.Id, subject.ProposalId, subject.PersonId, m.Field.Field, Clip(m.Field.Text, 2000),
                    m.Match.ListId, m.ListVersionId, m.Match.EntityId, Clip(m.Match.Name, 1000), Clip(m.Match.MatchedName, 1000),
                    Clip(m.Match.Segment, 2000), score, status, explanation, m.EntityContentHash, now);
                db.ScreeningHits.Add(hit);
                db.Audit(AuditEventType.HitRaised, nameof(ScreeningHit), hit.Id, hit.ProposalId, Describe(hit));
                tally.Raised++;
                tally.Touch(hit);
                continue;
            }
            var wasHistorical = hit.Status == HitStatus.Historical;
            if (hit.ListVersionId == m.ListVersionId && hit.EntityContentHash == m.EntityContentHash && hit.TextScreened == Clip(m.Field.Text, 2000)
                && hit.Score == score && hit.Status == status && hit.Explanation == explanation)
            {
                tally.Unchanged++;
                continue; // nothing new: leave the row (and its disposition) exactly as it is
            }
            var reRaised = hit.Refresh(runId, m.ListVersionId, Clip(m.Field.Text, 2000), Clip(m.Match.Name, 1000), Clip(m.Match.MatchedName, 1000),
                Clip(m.Match.Segment, 2000), score, status, explanation, m.EntityContentHash, now);
            tally.Touch(hit);
            if (reRaised)
            {
                db.Audit(AuditEventType.HitReRaised, nameof(ScreeningHit), hit.Id, hit.ProposalId, Describe(hit), hit.ReRaisedReason);
                tally.ReRaised++;
            }
            else if (wasHistorical && status == HitStatus.Active)
            {
                db.Audit(AuditEventType.HitRaised, nameof(ScreeningHit), hit.Id, hit.ProposalId, Describe(hit), "Matches again.");
                tally.Raised++;
            }
            else tally.Unchanged++;
        }

        foreach (var hit in existing.Where(h => h.Status == HitStatus.Active && inScope(h) && !seen.Contains((h.Field, h.WatchlistId, h.EntityId))))
            MakeHistorical(db, hit, noLongerMatchesReason, now, tally);
    }

    public static void MakeHistorical(ResearchSecurityDbContext db, ScreeningHit hit, string reason, DateTimeOffset now, HitTally tally)
    {
        if (hit.Status == HitStatus.Historical) return;
        hit.MarkHistorical(reason, now);
        db.Audit(AuditEventType.HitMadeHistorical, nameof(ScreeningHit), hit.Id, hit.ProposalId, Describe(hit), reason);
        tally.MadeHistorical++;
        tally.Touch(hit);
    }

    private static string Describe(ScreeningHit h) => AuditChanges.Of(null, new
    {
        h.SubjectType, h.SubjectId, h.Field, h.TextScreened, h.WatchlistId, h.ListVersionId, h.EntityId, h.EntityName, h.MatchedName, h.Score,
        Status = h.Status.ToString(),
    });

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
