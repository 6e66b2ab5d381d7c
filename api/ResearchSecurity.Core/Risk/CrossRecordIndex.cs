using ResearchSecurity.Core.Proposals;

namespace ResearchSecurity.Core.Risk;

/// <summary>A party key stored for another (or the same) proposal, with what rule 5 needs of that proposal.</summary>
public sealed record PartyOccurrence(Guid ProposalId, Guid PartyId, string Kind, string Value, string OrganisationKey, string OrganisationName,
    string OwnerId, ProposalStatus Status, DateTimeOffset ApproachedAt);

/// <summary>
/// The stored party keys that share a value with the proposals being assessed, fetched in one indexed query per
/// batch (see <see cref="RiskFacts"/>); rules look values up here instead of scanning other records.
/// </summary>
public sealed class CrossRecordIndex(IEnumerable<PartyOccurrence> occurrences)
{
    private readonly ILookup<(string Kind, string Value), PartyOccurrence> _byValue = occurrences.ToLookup(o => (o.Kind, o.Value));

    public static readonly CrossRecordIndex Empty = new([]);

    public IEnumerable<PartyOccurrence> Find(string kind, string value) => _byValue[(kind, value)];
}
