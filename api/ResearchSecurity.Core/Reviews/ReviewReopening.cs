using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Reviews;

/// <summary>
/// Bookkeeping when a change after approval reopened a proposal's review: the decision in force no longer covers the
/// collaboration, so it is superseded, and the reopening is audited with what changed.
/// </summary>
public static class ReviewReopening
{
    /// <summary>Records the reopening with the typed change set that caused it; its changes become evidence for the change-after-approval rule.</summary>
    public static async Task RecordAsync(ResearchSecurityDbContext db, Proposal proposal, ProposalChangeSet changes, CancellationToken ct)
    {
        var reopening = Guid.CreateVersion7();
        var now = db.Clock.GetUtcNow();
        foreach (var change in changes.Changes.Where(c => (c.Part & ProposalChangeSet.ReopeningParts) != 0))
            db.PostApprovalChanges.Add(new Risk.PostApprovalChange(proposal.Id, reopening, change, now));
        await RecordAsync(db, proposal, $"Changed after approval: {changes.Describe()}.", ct);
    }

    public static async Task RecordAsync(ResearchSecurityDbContext db, Proposal proposal, string reason, CancellationToken ct)
    {
        var effective = await db.ReviewDecisions.Where(d => d.ProposalId == proposal.Id && d.State == DecisionState.Effective).ToListAsync(ct);
        foreach (var decision in effective) decision.Supersede();
        db.Audit(AuditEventType.ReviewReopened, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(new { Status = effective.Select(d => d.Outcome.ToString()).LastOrDefault() }, new { Status = proposal.Status.ToString() }),
            reason);
    }

    /// <summary>A person named on proposals changed: reopen every approved proposal they are on.</summary>
    public static async Task ReopenProposalsOfPersonAsync(ResearchSecurityDbContext db, Guid personId, IEnumerable<string> changedParts, CancellationToken ct)
    {
        var proposals = await db.Proposals
            .Where(p => p.Members.Any(m => m.PersonId == personId)
                && (p.Status == ProposalStatus.Approved || p.Status == ProposalStatus.ApprovedWithConditions))
            .ToListAsync(ct);
        var now = db.Clock.GetUtcNow();
        foreach (var proposal in proposals)
        {
            if (proposal.ReopenIfDecided(now))
                await RecordAsync(db, proposal, ProposalChangeSet.Of(new PartChange(ProposalParts.Person, "changed", personId.ToString(),
                    $"{personId} ({string.Join(", ", changedParts)})")), ct);
        }
    }
}
