using ResearchSecurity.Core.People;
using ResearchSecurity.Core.Proposals;
using ResearchSecurity.Core.Screening;
using ResearchSecurity.Screening.Model;

namespace ResearchSecurity.Core.Risk;

public sealed record PartnerFact(Guid Id, string Name, string Country, string? Website, string? Address, string? ContactEmail, string? ContactPhone,
    PartnerRole Role)
{
    public string OrganisationKey { get; } = PartyText.OrganisationKey(Name);
}

public sealed record AffiliationFact(Guid Id, string OrganisationName, string? Country, AffiliationKind Kind, DateOnly? StartDate, DateOnly? EndDate,
    bool IsCurrent)
{
    public bool IsCurrentOn(DateOnly today) => IsCurrent || (EndDate is null ? StartDate is not null : EndDate >= today);
}

public sealed record TalentProgramFact(Guid Id, string ProgramName, string? Sponsor, DateOnly? StartDate, DateOnly? EndDate, string? Compensation);

public sealed record VisitFact(Guid Id, string HostDepartment, string? Sponsor, DateOnly StartDate, DateOnly EndDate);

public sealed record PersonFact(Guid Id, string Name, string? Email, string? EmailDomain, Declarations Declarations, MemberRole Role,
    IReadOnlyList<AffiliationFact> Affiliations, IReadOnlyList<TalentProgramFact> TalentPrograms, IReadOnlyList<VisitFact> Visits);

public sealed record FundingFact(Guid Id, string FunderName, string? Sponsor, string? Payer, string Country);

/// <summary>A screening hit with what the rules need of its listed entity (listing periods).</summary>
public sealed record HitFact(Guid Id, string SubjectType, Guid SubjectId, Guid? PersonId, string Field, string TextScreened, string WatchlistId,
    string WatchlistName, string EntityId, string EntityName, double Score, HitStatus Status, Disposition Disposition, IReadOnlyList<ListingPeriod> Periods)
{
    /// <summary>Open or confirmed: a hit cleared as a false positive is no evidence.</summary>
    public bool Counts => Disposition != Disposition.FalsePositive;
}

/// <summary>One part changed after approval, from which value to which (see <see cref="ProposalChangeSet"/>).</summary>
public sealed record ChangeFact(Guid ReopeningId, DateTimeOffset ChangedAt, string Part, string Action, string? From, string? To);

/// <summary>Everything the rules read about one proposal, loaded once (no database access inside a rule).</summary>
public sealed record ProposalFacts(Guid Id, string Title, string OwnerId, ProposalStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    IReadOnlyList<string> TechnologyAreas, DateOnly? PlannedStart, DateOnly? PlannedEnd, IReadOnlyList<PartnerFact> Partners,
    IReadOnlyList<PersonFact> People, IReadOnlyList<FundingFact> Funding, IReadOnlyList<HitFact> Hits, IReadOnlyList<ChangeFact> Changes)
{
    /// <summary>When the proposal approached the institution: its submission, or its creation while a draft.</summary>
    public DateTimeOffset ApproachedAt => SubmittedAt ?? CreatedAt;
}

/// <summary>A talent-recruitment program as a list names it, with the word sequences that identify it in free text.</summary>
public sealed record ListedProgram(string WatchlistId, string EntityId, string Name, int VersionNumber, IReadOnlyList<string[]> Patterns);

/// <summary>A listed organisation an e-mail or web domain points to: by its acronym ("nudt.edu.cn" → NUDT) or a website the list gives.</summary>
public sealed record ListedDomainOwner(string WatchlistId, string EntityId, string Name, IReadOnlyList<string> Countries, string How);

/// <summary>What all proposals of one assessment share: the policy in force, the lists' talent programs, the cross-record index.</summary>
public sealed record RiskContext(RiskPolicyDocument Policy, int PolicyVersion, DateOnly Today, IReadOnlyList<ListedProgram> TalentPrograms,
    CrossRecordIndex CrossRecord, ILookup<string, ListedDomainOwner>? DomainOwners = null,
    IReadOnlyList<ApproachReports.ReportedApproach>? Reported = null)
{
    /// <summary>Approach reports that share a party with the proposals of this batch.</summary>
    public IReadOnlyList<ApproachReports.ReportedApproach> ReportedApproaches => Reported ?? [];

    /// <summary>Listed organisations a mail domain belongs to: a website host it falls under, or its first label as an acronym alias, in the entity's country.</summary>
    public IEnumerable<ListedDomainOwner> OwnersOf(string domain)
    {
        if (DomainOwners is null || PartyText.IsPublicMail(domain)) return [];
        var labels = domain.Split('.');
        var tld = labels[^1];
        var byWebsite = Enumerable.Range(0, labels.Length - 1).SelectMany(i => DomainOwners[string.Join('.', labels[i..])]).Where(o => o.How == "website");
        var byAcronym = DomainOwners[labels[0]].Where(o => o.How == "acronym" && (o.Countries.Count == 0 || o.Countries.Contains(tld)));
        return byWebsite.Concat(byAcronym).DistinctBy(o => (o.WatchlistId, o.EntityId));
    }
}

/// <summary>What a rule found: stored as a <see cref="RiskFlag"/> with its evidence.</summary>
/// <param name="Key">Identifies the flag within the rule; the same finding keeps the same key across assessments.</param>
/// <param name="CrossRecord">The evidence names other proposals (only reviewers and auditors see it).</param>
/// <summary>
/// Bounds on what a flag's evidence lists. A popular organisation can sit on hundreds of proposals; the reviewer needs
/// the nearest few and the count, and an unbounded list made every assessment write (and audit) tens of kilobytes per flag.
/// The count stays in the evidence, so a dismissal still re-opens when another record joins.
/// </summary>
public static class RiskEvidence
{
    public const int MaxOtherRecordsListed = 20;
}

public sealed record FlagCandidate(string Rule, string Key, string Title, string Explanation, object Evidence, bool CrossRecord = false);

/// <summary>One red flag of the guidance. Rules are pure: facts and policy in, findings out.</summary>
public interface IRiskRule
{
    string Code { get; }
    IEnumerable<FlagCandidate> Evaluate(ProposalFacts proposal, RiskContext context, RulePolicy policy);
}
