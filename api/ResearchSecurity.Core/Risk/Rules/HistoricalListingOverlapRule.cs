using ResearchSecurity.Core.Screening;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Core.Risk.Rules;

/// <summary>
/// Rule 9: a listing that has ended but overlaps the collaboration — the proposal's planned dates, or the dates of
/// the affiliation that matched. Shown with both periods. Listings that ended before the look-back window are ignored.
/// </summary>
public sealed class HistoricalListingOverlapRule : IRiskRule
{
    public string Code => RuleCodes.HistoricalListingOverlap;

    public IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy)
    {
        var since = context.Today.AddYears(-policy.LookBackYears!.Value);
        foreach (var hit in proposal.Hits.Where(h => h.Status == HitStatus.Historical && h.Counts && h.Periods.Count > 0))
        {
            var ended = hit.Periods.Where(p => p.End is { } end && end >= since).ToList();
            if (ended.Count == 0) continue;
            var affiliation = proposal.People.SelectMany(p => p.Affiliations).FirstOrDefault(a => a.Id == hit.SubjectId);
            var (label, start, end) = affiliation is not null
                ? ("affiliation", affiliation.StartDate, affiliation.IsCurrent ? (DateOnly?)null : affiliation.EndDate)
                : ("proposal", proposal.PlannedStart, proposal.PlannedEnd);
            if (start is null && end is null) continue;
            var overlapping = ended.Where(p => Overlaps(p, start, end)).ToList();
            if (overlapping.Count == 0) continue;
            yield return new FlagCandidate(Code, $"hit:{hit.Id}",
                $"\"{hit.EntityName}\" was listed on {hit.WatchlistName} during the {label}'s dates",
                $"The listing ({string.Join(", ", overlapping.Select(Period))}) has ended but overlaps the {label} ({Period(start, end)}).",
                new
                {
                    HitId = hit.Id, hit.WatchlistId, hit.EntityName, hit.TextScreened, ListingPeriods = overlapping.Select(p => new { p.Start, p.End }).ToList(),
                    OverlapsWith = label, Start = start, End = end, AffiliationId = affiliation?.Id, policy.LookBackYears,
                });
        }
    }

    private static bool Overlaps(ListingPeriod p, DateOnly? start, DateOnly? end) =>
        (p.Start is null || end is null || p.Start <= end) && (p.End is null || start is null || p.End >= start);

    private static string Period(ListingPeriod p) => Period(p.Start, p.End);

    private static string Period(DateOnly? start, DateOnly? end) => $"{start?.ToString("yyyy-MM-dd") ?? "…"} to {end?.ToString("yyyy-MM-dd") ?? "open"}";
}
