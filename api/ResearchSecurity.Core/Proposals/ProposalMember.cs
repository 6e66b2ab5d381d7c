using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Proposals;

public enum MemberRole { PrincipalInvestigator = 0, CoInvestigator = 1, VisitingResearcher = 2, Student = 3, Technician = 4 }

/// <summary>A person's role on one proposal. People are reusable across proposals.</summary>
public sealed class ProposalMember : Entity
{
    private ProposalMember() { }

    internal ProposalMember(Guid proposalId, Guid personId, MemberRole role)
    {
        ProposalId = proposalId;
        PersonId = personId;
        Role = role;
    }

    public Guid ProposalId { get; private set; }
    public Guid PersonId { get; private set; }
    public MemberRole Role { get; private set; }

    internal bool SetRole(MemberRole role)
    {
        if (Role == role) return false;
        Role = role;
        return true;
    }
}
