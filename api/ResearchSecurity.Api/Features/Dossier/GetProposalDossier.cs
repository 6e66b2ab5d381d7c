using ResearchSecurity.Api.Features.People;
using ResearchSecurity.Api.Features.Proposals;
using ResearchSecurity.Api.Features.Reviews;
using ResearchSecurity.Api.Features.Risk;
using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Api.Features.Dossier;

/// <summary>
/// The review dossier of one proposal as a Word document: what was proposed, who and what was screened against which
/// list version, the risk, every disposition and decision, and an audit excerpt with the chain's verification at the
/// time of printing. Reviewers and auditors get the full record. The owner investigator gets their own proposal's
/// dossier without what is internal to the research-integrity office: reviewers' notes on hits, flag evidence found in
/// other proposals' records, who looked at the record (the read observations) and the reasons of the audit excerpt. Every print
/// is audited as a sensitive read.
/// </summary>
public static class GetProposalDossier
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/dossier", Handle).WithName(nameof(GetProposalDossier))
            .WithSummary("Print a proposal's review dossier")
            .WithDescription("The review dossier as a Word document (DOCX). Reviewers and auditors get the full record; the owner investigator a version without the office's internal notes. Audited.")
            .ProducesFile(ContentType);

    public static async Task<Results<FileContentHttpResult, NotFound>> Handle(Guid id, ResearchSecurityDbContext db, CurrentUser user,
        AuditObservationQueue observations, CancellationToken ct)
    {
        // The chain head printed includes every read made before the print.
        await observations.FlushAsync(ct);
        var proposal = await db.Proposals.AsNoTracking().IgnoreAutoIncludes().VisibleTo(user, db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.IntegrityReviewer) && proposal.OwnerId != user.Id;

        var content = await LoadAsync(db, proposal, office, ct);
        db.Audit(AuditEventType.DossierPrinted, nameof(Proposal), proposal.Id, proposal.Id,
            AuditChanges.Of(null, new { Version = office ? "full" : "investigator", content.Hits.Count }));
        await db.SaveChangesAsync(ct);
        var document = ReviewDossierDocument.Build(content, user.Id);
        // No personal data in the file name: the proposal id says which record it is.
        return TypedResults.File(document, ContentType, $"review-dossier-{proposal.Id}.docx");
    }

    public static async Task<DossierContent> LoadAsync(ResearchSecurityDbContext db, Proposal proposal, bool office, CancellationToken ct)
    {
        var details = await db.Proposals.Where(p => p.Id == proposal.Id).LoadAsync(db, ct)
            ?? throw new InvalidOperationException("The proposal disappeared while printing.");
        var memberIds = details.Members.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToResponse().AsSplitQuery().ToListAsync(ct);
        var review = await GetReview.LoadAsync(db, proposal, ct);
        var risk = await RiskProjection.LoadAsync(db, proposal, withholdCrossRecord: !office, ct);
        var events = await db.AuditEvents.AsNoTracking().Where(a => a.ProposalId == proposal.Id).OrderBy(a => a.Sequence).ToListAsync(ct);
        if (!office) events = events.Where(e => !AuditEventKinds.Observations.Contains(e.EventType)).ToList();
        var verification = await AuditChainVerifier.VerifyAsync(db, db.Clock, ct);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);

        var hits = office ? review.Hits : review.Hits.Select(h => h with { DispositionNote = null }).ToList();
        return new DossierContent(details, people, hits, risk, review.InformationRequests, review.Decisions,
            events.Select(e => new DossierAuditEntry(e.Sequence, e.OccurredAt, e.EventType.ToString(), e.ActorId, e.Reason, e.Hash)).ToList(),
            verification, head?.Sequence ?? 0, head?.Hash ?? AuditEvent.GenesisHash, office, db.Clock.GetUtcNow());
    }
}

public sealed record DossierAuditEntry(long Sequence, DateTimeOffset OccurredAt, string EventType, string ActorId, string? Reason, string Hash);

/// <summary>Everything the dossier prints, loaded before a word is written.</summary>
public sealed record DossierContent(
    ProposalResponse Proposal, IReadOnlyList<PersonResponse> People, IReadOnlyList<HitResponse> Hits, ProposalRiskResponse Risk,
    IReadOnlyList<InformationRequestResponse> InformationRequests, IReadOnlyList<DecisionResponse> Decisions,
    IReadOnlyList<DossierAuditEntry> AuditExcerpt, AuditVerification Chain, long ChainHeadSequence, string ChainHeadHash,
    bool OfficeVersion, DateTimeOffset PrintedAt);
