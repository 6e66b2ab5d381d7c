using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Notifications;
using ResearchSecurity.Core.Reviews;
using ResearchSecurity.Core.Risk.Rules;

namespace ResearchSecurity.Core.Risk;

/// <summary>What one assessment did.</summary>
public sealed record AssessmentTally(int Proposals, int Raised, int ReRaised, int Resolved, int LevelsChanged);

/// <summary>
/// Runs the red-flag rules of the policy in force over a batch of proposals and stores the outcome: the batch's party
/// keys are refreshed (the cross-record index), flags are raised, refreshed, re-opened (a dismissal holds only while
/// its evidence is unchanged) or resolved — each with its audit event — and each proposal's level is re-derived.
/// Idempotent: the same facts under the same policy write nothing new. The caller saves (one SaveChangesAsync).
/// </summary>
public static class RiskAssessor
{
    public static readonly IReadOnlyList<IRiskRule> Rules =
    [
        new SharedContactDetailsRule(), new NoWebPresenceRule(), new PayerDiffersRule(), new ChangeAfterApprovalRule(),
        new SamePartySeveralResearchersRule(), new TalentRecruitmentRule(), new UndisclosedAffiliationRule(),
        new ForeignGovernmentInfluenceRule(), new HistoricalListingOverlapRule(), new SensitiveTechnologyNamedOrganisationRule(),
        new ReportedApproachRule(),
    ];

    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<AssessmentTally> AssessAsync(ResearchSecurityDbContext db, IReadOnlyCollection<Guid> proposalIds, RiskOptions options,
        CancellationToken ct, IReadOnlySet<string>? onlyRules = null)
    {
        if (proposalIds.Count == 0) return new AssessmentTally(0, 0, 0, 0, 0);
        var facts = await RiskFacts.LoadAsync(db, proposalIds, ct);
        await RefreshPartyKeysAsync(db, facts, ct);
        var policy = await RiskPolicies.ActiveAsync(db, ct);
        var context = new RiskContext(policy.Document, policy.Version, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime),
            await RiskFacts.TalentProgramsAsync(db, policy.Document.Rule(RuleCodes.TalentRecruitment), ct),
            await RiskFacts.CrossRecordAsync(db, facts.SelectMany(PartyKeys.Of), ct),
            policy.Document.Rule(RuleCodes.UndisclosedAffiliation).IsEnabled && facts.Any(f => f.People.Any(p => p.EmailDomain is not null))
                ? await RiskFacts.DomainOwnersAsync(db, ct) : null,
            policy.Document.Rule(RuleCodes.ReportedApproach).IsEnabled
                ? await ApproachReports.ReportedParties.MatchingAsync(db, facts.SelectMany(ApproachReports.ReportedParties.MentionsOf), ct) : null);
        return await EvaluateAsync(db, facts, context, options, ct, onlyRules);
    }

    /// <summary>
    /// Brings the stored party keys of these proposals in line with their current ones: only keys that changed are
    /// deleted or added, so re-assessing unchanged proposals (a policy change, a re-screen) writes nothing here.
    /// </summary>
    public static async Task RefreshPartyKeysAsync(ResearchSecurityDbContext db, IReadOnlyList<ProposalFacts> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.Id).ToList();
        var stored = await db.PartyKeys.Where(k => ids.Contains(k.ProposalId)).ToListAsync(ct);
        var current = facts.Where(f => f.Status != ProposalStatus.Draft).SelectMany(PartyKeys.Of).ToList();
        var wanted = current.Select(PartyKeyIdentity.Of).ToHashSet();
        var present = new HashSet<PartyKeyIdentity>();
        foreach (var key in stored)
            if (!wanted.Contains(PartyKeyIdentity.Of(key)) || !present.Add(PartyKeyIdentity.Of(key))) db.PartyKeys.Remove(key); // gone, or a duplicate
        db.PartyKeys.AddRange(current.Where(k => present.Add(PartyKeyIdentity.Of(k))));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What makes two party keys the same row (everything but the row id).</summary>
    private readonly record struct PartyKeyIdentity(Guid ProposalId, Guid PartyId, string PartyType, string Kind, string Value, string OrganisationKey,
        string OrganisationName)
    {
        public static PartyKeyIdentity Of(PartyKey k) => new(k.ProposalId, k.PartyId, k.PartyType, k.Kind, k.Value, k.OrganisationKey, k.OrganisationName);
    }

    public static async Task<AssessmentTally> EvaluateAsync(ResearchSecurityDbContext db, IReadOnlyList<ProposalFacts> facts, RiskContext context,
        RiskOptions options, CancellationToken ct, IReadOnlySet<string>? onlyRules = null)
    {
        var ids = facts.Select(f => f.Id).ToList();
        var existing = (await db.RiskFlags.Where(f => ids.Contains(f.ProposalId)).ToListAsync(ct)).ToLookup(f => f.ProposalId);
        var proposals = await db.Proposals.IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var records = await db.ProposalRiskRecords.Where(r => ids.Contains(r.ProposalId)).ToDictionaryAsync(r => r.ProposalId, ct);
        var lists = await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var now = db.Clock.GetUtcNow();
        var (raised, reRaised, resolved, levels) = (0, 0, 0, 0);
        var rules = Rules.Where(r => onlyRules is null || onlyRules.Contains(r.Code)).ToList();
        // Proposals whose entry into the queue this unit of work (one job) already announces: their first flags need no message of their own.
        var announced = db.ChangeTracker.Entries<NotificationEvent>()
            .Where(e => e.Entity.Kind == NotificationKind.HitsOnQueue && e.Entity.ProposalId != null)
            .Select(e => e.Entity.ProposalId!.Value).ToHashSet();

        foreach (var p in facts)
        {
            if (!proposals.TryGetValue(p.Id, out var proposal)) continue;
            var flags = existing[p.Id].ToDictionary(f => (f.Rule, f.Key));
            var raisedHere = raised;
            var seen = new HashSet<(string, string)>();
            foreach (var rule in rules)
            {
                var settings = context.Policy.Rule(rule.Code);
                if (!settings.IsEnabled) continue;
                foreach (var c in rule.Evaluate(p, context, settings))
                {
                    if (!seen.Add((c.Rule, c.Key))) continue;
                    var evidence = JsonSerializer.Serialize(c.Evidence, EvidenceJson);
                    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidence)));
                    if (flags.TryGetValue((c.Rule, c.Key), out var flag))
                    {
                        if (flag.Refresh(c, evidence, hash, settings.Weight ?? 0, settings, context.PolicyVersion, now) is { } reason)
                        {
                            reRaised++;
                            db.Audit(AuditEventType.RiskFlagReRaised, nameof(RiskFlag), flag.Id, p.Id, AuditChanges.Of(null, new { flag.Rule, flag.Title, flag.EvidenceHash }), reason);
                        }
                    }
                    else
                    {
                        flag = RiskFlag.Raise(p.Id, c, evidence, hash, settings.Weight ?? 0, settings, context.PolicyVersion, now);
                        db.RiskFlags.Add(flag);
                        flags[(c.Rule, c.Key)] = flag;
                        raised++;
                        db.Audit(AuditEventType.RiskFlagRaised, nameof(RiskFlag), flag.Id, p.Id,
                            AuditChanges.Of(null, new { flag.Rule, flag.Title, flag.Weight, flag.EvidenceHash, PolicyVersion = context.PolicyVersion }));
                    }
                }
            }
            foreach (var flag in flags.Values.Where(f => !seen.Contains((f.Rule, f.Key)) && (onlyRules is null || onlyRules.Contains(f.Rule))))
            {
                if (!flag.Resolve(now)) continue;
                resolved++;
                db.Audit(AuditEventType.RiskFlagResolved, nameof(RiskFlag), flag.Id, p.Id, AuditChanges.Of(null, new { flag.Rule, flag.Title }),
                    "The rule no longer finds this under the policy in force.");
            }

            // Reviewers hear of new flags on proposals already in their queue (at entry they hear of the proposal itself).
            if (raised > raisedHere && !announced.Contains(p.Id) && proposal.Status is ProposalStatus.InReview or ProposalStatus.InfoRequested or ProposalStatus.Escalated)
                db.NotifyReviewers(NotificationKind.FlagRaised, p.Id, count: raised - raisedHere);
            var hitFactors = p.Hits.Where(h => h.Status == Screening.HitStatus.Active && h.Counts)
                .Select(h => ProposalRisk.Factor(h.Id, h.WatchlistId, h.Field, h.TextScreened, h.EntityName, h.Score, h.Disposition, lists)).ToList();
            var sensitive = p.TechnologyAreas.Any(code => Reference.TechnologyArea.Seed.Any(t => t.Code == code && t.IsSensitive));
            var (level, score, factors, reasons) = RiskScoring.Combine(hitFactors, flags.Values, sensitive, context.Policy, options);
            var (previous, previousReasons) = (proposal.RiskLevel, proposal.RiskReasons);
            proposal.SetRisk(level, string.Join('\n', reasons));
            if (!records.TryGetValue(p.Id, out var record)) db.ProposalRiskRecords.Add(record = ProposalRiskRecord.For(p.Id));
            record.Set(level, score, JsonSerializer.Serialize(factors, JsonSerializerOptions.Web), context.PolicyVersion, context.Policy.Id!,
                context.Policy.LabelFor(level), now);
            if (previous == level && previousReasons == proposal.RiskReasons) continue;
            levels++;
            db.Audit(AuditEventType.RiskAssessed, nameof(Proposal), p.Id, p.Id, AuditChanges.Of(new { RiskLevel = previous.ToString() },
                new { RiskLevel = level.ToString(), Score = score, PolicyVersion = context.PolicyVersion, Reasons = proposal.RiskReasons }));
        }
        return new AssessmentTally(facts.Count, raised, reRaised, resolved, levels);
    }
}
