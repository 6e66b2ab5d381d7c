using ResearchSecurity.Core.Common;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Reviews;

namespace ResearchSecurity.Core.Tests;

public sealed class ProposalWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static Proposal Draft() => Proposal.Create("pi-1",
        new ProposalDetails("Hypersonic flow control", null, ["aerospace"], null, null),
        [new PartnerDetails("Northwestern Polytechnical University", "CN", null, null, null, null, PartnerRole.Partner)],
        [new MemberDetails(Guid.NewGuid(), MemberRole.PrincipalInvestigator)], Now);

    private static Proposal InReview()
    {
        var p = Draft();
        p.Submit(Now);
        p.BeginScreening(Now);
        p.CompleteScreening(Now);
        return p;
    }

    public static TheoryData<string, ProposalStatus, bool> Actions => new()
    {
        // action, starting state, allowed?
        { "submit", ProposalStatus.Draft, true },
        { "submit", ProposalStatus.InReview, false },
        { "escalate", ProposalStatus.InReview, true },
        { "escalate", ProposalStatus.Draft, false },
        { "escalate", ProposalStatus.Escalated, false },
        { "request-info", ProposalStatus.InReview, true },
        { "request-info", ProposalStatus.Escalated, true },
        { "request-info", ProposalStatus.Draft, false },
        { "decide", ProposalStatus.InReview, true },
        { "decide", ProposalStatus.Escalated, true },
        { "decide", ProposalStatus.InfoRequested, false },
        { "decide", ProposalStatus.Approved, false },
        { "withdraw", ProposalStatus.InReview, true },
        { "withdraw", ProposalStatus.Rejected, false },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Transition_FromState_IsAllowedOnlyWhenLegal(string action, ProposalStatus from, bool allowed)
    {
        var proposal = In(from);
        void Act()
        {
            switch (action)
            {
                case "submit": proposal.Submit(Now); break;
                case "escalate": proposal.Escalate(Now); break;
                case "request-info": proposal.RequestInformation(Now); break;
                case "decide": proposal.ApplyDecision(ProposalStatus.Approved, Now); break;
                case "withdraw": proposal.Withdraw(Now); break;
            }
        }
        if (allowed) Act();
        else Assert.Throws<DomainException>(Act);
    }

    [Fact]
    public void Update_PartnersAfterApproval_ReopensReview()
    {
        var proposal = InReview();
        proposal.ApplyDecision(ProposalStatus.Approved, Now);
        var partner = proposal.Partners[0];

        var changed = proposal.Update(new ProposalDetails(proposal.Title, null, proposal.TechnologyAreas, null, null),
            [(partner.Id, partner.Details with { Role = PartnerRole.EndUser })], null, Now);

        Assert.Contains(Proposal.ReviewReopened, changed);
        Assert.Equal(ProposalStatus.InReview, proposal.Status);
    }

    [Fact]
    public void Update_TitleOnlyAfterApproval_KeepsApproval()
    {
        var proposal = InReview();
        proposal.ApplyDecision(ProposalStatus.Approved, Now);
        proposal.Update(new ProposalDetails("Renamed", null, proposal.TechnologyAreas, null, null), null, null, Now);
        Assert.Equal(ProposalStatus.Approved, proposal.Status);
    }

    [Fact]
    public void Record_HighRiskDecision_WaitsForADifferentSecondReviewer()
    {
        var proposal = InReview();
        proposal.SetRisk(RiskLevel.High, "listed partner");
        var decision = ReviewDecision.Record(proposal, ProposalStatus.Rejected, "Listed defence university.", [], "rev-1", Now);

        Assert.Equal(DecisionState.PendingConfirmation, decision.State);
        Assert.Equal(ProposalStatus.InReview, proposal.Status);
        Assert.Throws<DomainException>(() => decision.Confirm(proposal, "rev-1", Now));
        decision.Confirm(proposal, "rev-2", Now);
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
    }

    [Fact]
    public void Record_ApprovalWithConditionsWithoutConditions_Throws()
    {
        var proposal = InReview();
        Assert.Throws<DomainException>(() => ReviewDecision.Record(proposal, ProposalStatus.ApprovedWithConditions, "ok", [], "rev-1", Now));
    }

    private static Proposal In(ProposalStatus status)
    {
        if (status == ProposalStatus.Draft) return Draft();
        var p = InReview();
        switch (status)
        {
            case ProposalStatus.InReview: break;
            case ProposalStatus.Escalated: p.Escalate(Now); break;
            case ProposalStatus.InfoRequested: p.RequestInformation(Now); break;
            case ProposalStatus.Approved: p.ApplyDecision(ProposalStatus.Approved, Now); break;
            case ProposalStatus.Rejected: p.ApplyDecision(ProposalStatus.Rejected, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }
        return p;
    }
}
