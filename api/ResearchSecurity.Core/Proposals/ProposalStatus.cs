namespace ResearchSecurity.Core.Proposals;

public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
}
