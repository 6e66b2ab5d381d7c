using ResearchSecurity.Core.Funding;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Api.Features.Funding;

internal static class FundingProposalLink
{
    /// <summary>
    /// Funding is part of its proposal: a change moves the proposal's ETag, and after approval it reopens review
    /// (a payer or funder that changes after approval is a red flag of its own).
    /// </summary>
    /// <param name="before">The funding source as it was (null when it is being added).</param>
    /// <param name="after">The funding source as it is now (null when it is being removed).</param>
    public static async Task RecordChangeAsync(ResearchSecurityDbContext db, Guid? proposalId, Guid fundingId, FundingDetails? before, FundingDetails? after,
        CancellationToken ct)
    {
        if (proposalId is not { } id) return;
        var proposal = await db.Proposals.FirstAsync(p => p.Id == id, ct);
        if (!proposal.RecordRelatedChange(db.Clock.GetUtcNow())) return;
        IReadOnlyList<(Guid, FundingDetails)> State(FundingDetails? d) => d is null || d.ProposalId != id ? [] : [(fundingId, d)];
        var changes = ProposalChangeSet.Between(new ProposalState([], [], State(before)), new ProposalState([], [], State(after)), detailsChanged: false);
        await ReviewReopening.RecordAsync(db, proposal, changes, ct);
    }
}
