using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

/// <summary>
/// One part of a proposal that changed after approval and reopened its review, from which value to which. The rows of
/// one reopening share <see cref="ReopeningId"/>; the change-after-approval rule raises one flag per reopening.
/// </summary>
public sealed class PostApprovalChange : Entity
{
    private PostApprovalChange() { }

    public PostApprovalChange(Guid proposalId, Guid reopeningId, PartChange change, DateTimeOffset now)
    {
        ProposalId = proposalId;
        ReopeningId = reopeningId;
        Part = change.PartName;
        Action = change.Action;
        From = Cut(change.From);
        To = Cut(change.To);
        ChangedAt = now;
    }

    public Guid ProposalId { get; private set; }
    public Guid ReopeningId { get; private set; }
    public string Part { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public string? From { get; private set; }
    public string? To { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    private static string? Cut(string? s) => s is { Length: > 1000 } ? s[..1000] : s;
}
