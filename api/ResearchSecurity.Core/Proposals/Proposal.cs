using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Proposals;

public sealed record ProposalDetails(
    string Title, string? Summary, IReadOnlyList<string> TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd);

public sealed record MemberDetails(Guid PersonId, MemberRole Role);

/// <summary>
/// A joint-research proposal. Its status changes only through the methods below, which check the current state.
/// </summary>
public sealed class Proposal : AggregateRoot
{
    private readonly List<PartnerOrganisation> _partners = [];
    private readonly List<ProposalMember> _members = [];

    private Proposal() { }

    public string Title { get; private set; } = string.Empty;
    public string TitleNormalized { get; private set; } = string.Empty;
    public string? Summary { get; private set; }
    public List<string> TechnologyAreas { get; private set; } = [];
    public DateOnly? PlannedStart { get; private set; }
    public DateOnly? PlannedEnd { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? AssignedReviewerId { get; private set; }
    [DerivedState] public RiskLevel RiskLevel { get; private set; }
    /// <summary>Why the risk level is what it is, one reason per line.</summary>
    [DerivedState] public string? RiskReasons { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public IReadOnlyList<PartnerOrganisation> Partners => _partners;
    public IReadOnlyList<ProposalMember> Members => _members;

    public static Proposal Create(string ownerId, ProposalDetails details, IEnumerable<PartnerDetails> partners,
        IEnumerable<MemberDetails> members, DateTimeOffset now)
    {
        var proposal = new Proposal { OwnerId = ownerId, Status = ProposalStatus.Draft, CreatedAt = now, UpdatedAt = now };
        proposal.ApplyDetails(details);
        proposal._partners.AddRange(partners.Select(p => new PartnerOrganisation(proposal.Id, p)));
        proposal._members.AddRange(members.Select(m => new ProposalMember(proposal.Id, m.PersonId, m.Role)));
        return proposal;
    }

    /// <summary>Rejected and withdrawn proposals are closed; everything else can still be corrected by its owner.</summary>
    public bool IsEditable => Status is not (ProposalStatus.Rejected or ProposalStatus.Withdrawn);

    /// <summary>
    /// Replaces the proposal's content. Partners given with an id are updated in place (so their screening history
    /// stays attached), partners without an id are added, and partners not mentioned are removed. A null collection
    /// leaves that part unchanged. Returns the names of the parts that changed, for the audit event.
    /// </summary>
    public IReadOnlyList<string> Update(ProposalDetails details, IEnumerable<(Guid? Id, PartnerDetails Details)>? partners,
        IEnumerable<MemberDetails>? members, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new DomainException($"A {Status} proposal cannot be edited.");

        var changed = new List<string>();
        if (ApplyDetails(details)) changed.Add("details");
        if (partners is not null && SyncPartners(partners.ToList())) changed.Add("partners");
        if (members is not null && SyncMembers(members.ToList())) changed.Add("members");
        if (changed.Count > 0) Touch(now);
        if ((changed.Contains("partners") || changed.Contains("members")) && ReopenIfDecided(now)) changed.Add(ReviewReopened);
        return changed;
    }

    /// <summary>A related record (e.g. funding, kept in its own table) changed: move UpdatedAt and with it the ETag.</summary>
    /// <returns>True when the change reopened a decided review.</returns>
    public bool RecordRelatedChange(DateTimeOffset now)
    {
        if (!IsEditable)
            throw new DomainException($"A {Status} proposal cannot be edited.");
        Touch(now);
        return ReopenIfDecided(now);
    }

    /// <summary>Marker in <see cref="Update"/>'s list of changed parts: the change reopened an approved review.</summary>
    public const string ReviewReopened = "reviewReopened";

    public void Submit(DateTimeOffset now)
    {
        if (Status != ProposalStatus.Draft)
            throw new DomainException($"Only a Draft proposal can be submitted; this one is {Status}.");
        if (_members.Count == 0)
            throw new DomainException("A proposal needs at least one person before it can be submitted.");
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        Touch(now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status is ProposalStatus.Withdrawn or ProposalStatus.Rejected)
            throw new DomainException($"A {Status} proposal cannot be withdrawn.");
        Status = ProposalStatus.Withdrawn;
        Touch(now);
    }

    /// <summary>The worker picked up the submitted proposal's screening.</summary>
    public void BeginScreening(DateTimeOffset now)
    {
        if (Status != ProposalStatus.Submitted) return; // re-screens of proposals already in review keep their state
        Status = ProposalStatus.Screening;
        Touch(now);
    }

    /// <summary>Every subject of the proposal has been screened: it now waits for a reviewer.</summary>
    public void CompleteScreening(DateTimeOffset now)
    {
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.Screening)) return;
        Status = ProposalStatus.InReview;
        Touch(now);
    }

    public void Claim(string reviewerId, DateTimeOffset now)
    {
        if (Status is not (ProposalStatus.InReview or ProposalStatus.Escalated or ProposalStatus.InfoRequested or ProposalStatus.Screening or ProposalStatus.Submitted))
            throw new DomainException($"A {Status} proposal cannot be claimed.");
        AssignedReviewerId = reviewerId;
        Touch(now);
    }

    public void RequestInformation(DateTimeOffset now)
    {
        EnsureInReview("asked for information");
        Status = ProposalStatus.InfoRequested;
        Touch(now);
    }

    /// <summary>The investigator answered the reviewer's question; the proposal goes back to the reviewer.</summary>
    public void InformationProvided(DateTimeOffset now)
    {
        if (Status != ProposalStatus.InfoRequested)
            throw new DomainException($"No information was requested; the proposal is {Status}.");
        Status = ProposalStatus.InReview;
        Touch(now);
    }

    public void Escalate(DateTimeOffset now)
    {
        if (Status != ProposalStatus.InReview)
            throw new DomainException($"Only a proposal in review can be escalated; this one is {Status}.");
        Status = ProposalStatus.Escalated;
        Touch(now);
    }

    /// <summary>Applies a decision that has taken effect (directly, or after the second reviewer's confirmation).</summary>
    public void ApplyDecision(ProposalStatus outcome, DateTimeOffset now)
    {
        if (outcome is not (ProposalStatus.Approved or ProposalStatus.ApprovedWithConditions or ProposalStatus.Rejected))
            throw new DomainException($"{outcome} is not a decision.");
        EnsureInReview("decided");
        Status = outcome;
        DecidedAt = now;
        Touch(now);
    }

    /// <summary>
    /// A decision is being recorded (it may still wait for a confirmation). Touching the row makes two reviewers
    /// deciding at once collide on the concurrency token instead of both succeeding.
    /// </summary>
    public void NoteDecisionRecorded(DateTimeOffset now)
    {
        EnsureInReview("decided");
        Touch(now);
    }

    /// <summary>
    /// A partner, end user, person or funding source changed after approval: the approval no longer covers the
    /// collaboration as it now is, so review starts again (a sudden change of end user is itself a red flag).
    /// </summary>
    public bool ReopenIfDecided(DateTimeOffset now)
    {
        if (Status is not (ProposalStatus.Approved or ProposalStatus.ApprovedWithConditions)) return false;
        Status = ProposalStatus.InReview;
        DecidedAt = null;
        Touch(now);
        return true;
    }

    public void SetRisk(RiskLevel level, string reasons)
    {
        RiskLevel = level;
        RiskReasons = reasons;
    }

    private void EnsureInReview(string action)
    {
        if (Status is not (ProposalStatus.InReview or ProposalStatus.Escalated))
            throw new DomainException($"A {Status} proposal cannot be {action}; it must be in review.");
    }

    /// <summary>Submitted records are evidence; only drafts may be deleted.</summary>
    public void EnsureDeletable()
    {
        if (Status != ProposalStatus.Draft)
            throw new DomainException($"Only a Draft proposal can be deleted; this one is {Status}. Withdraw it instead.");
    }

    private bool ApplyDetails(ProposalDetails d)
    {
        var areas = d.TechnologyAreas.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Title == d.Title && Summary == d.Summary && PlannedStart == d.PlannedStart && PlannedEnd == d.PlannedEnd
            && TechnologyAreas.SequenceEqual(areas))
            return false;
        Title = d.Title;
        TitleNormalized = SearchText.Normalize(d.Title);
        Summary = d.Summary;
        TechnologyAreas = areas;
        PlannedStart = d.PlannedStart;
        PlannedEnd = d.PlannedEnd;
        return true;
    }

    private bool SyncPartners(List<(Guid? Id, PartnerDetails Details)> wanted) =>
        ChildCollection.Sync(_partners, wanted, d => new PartnerOrganisation(Id, d), (p, d) => p.Apply(d), "Partner");

    private bool SyncMembers(List<MemberDetails> wanted)
    {
        var changed = false;
        var wantedIds = wanted.Select(m => m.PersonId).ToHashSet();
        changed |= _members.RemoveAll(m => !wantedIds.Contains(m.PersonId)) > 0;
        foreach (var m in wanted)
        {
            var existing = _members.FirstOrDefault(x => x.PersonId == m.PersonId);
            if (existing is null)
            {
                _members.Add(new ProposalMember(Id, m.PersonId, m.Role));
                changed = true;
            }
            else changed |= existing.SetRole(m.Role);
        }
        return changed;
    }
}
