using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Reviews;

/// <summary>A reviewer's question to the investigator, and the answer.</summary>
public sealed class InformationRequest : Entity
{
    private InformationRequest() { }

    public Guid ProposalId { get; private set; }
    public Guid? HitId { get; private set; }
    public string Question { get; private set; } = string.Empty;
    public string AskedBy { get; private set; } = string.Empty;
    public DateTimeOffset AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public static InformationRequest Ask(Guid proposalId, Guid? hitId, string question, string reviewer, DateTimeOffset now) =>
        new() { ProposalId = proposalId, HitId = hitId, Question = question, AskedBy = reviewer, AskedAt = now };

    public void Respond(string answer, string investigator, DateTimeOffset now)
    {
        if (Answer is not null) throw new DomainException("This question has already been answered.");
        Answer = answer;
        AnsweredBy = investigator;
        AnsweredAt = now;
    }
}
