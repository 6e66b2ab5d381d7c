using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Funding;

internal static class FundingProposalLink
{
    /// <summary>
    /// Funding is part of its proposal: a change moves the proposal's ETag, and after approval it reopens review
    /// (a payer or funder that changes after approval is a red flag of its own).
    /// </summary>
    public static async Task RecordChangeAsync(ResearchSecurityDbContext db, Guid? proposalId, string what, CancellationToken ct)
    {
        if (proposalId is not { } id) return;
        var proposal = await db.Proposals.FirstAsync(p => p.Id == id, ct);
        if (proposal.RecordRelatedChange(db.Clock.GetUtcNow()))
            await ReviewReopening.RecordAsync(db, proposal, $"Changed after approval: funding source {what}.", ct);
    }
}
