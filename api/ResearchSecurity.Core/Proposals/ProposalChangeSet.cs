using ResearchSecurity.Core.Funding;

namespace ResearchSecurity.Core.Proposals;

/// <summary>The parts of a proposal a change can touch. Everything but <see cref="Details"/> reopens an approved review.</summary>
[Flags]
public enum ProposalParts
{
    None = 0,
    Details = 1,
    Partners = 2,
    EndUsers = 4,
    Members = 8,
    Funders = 16,
    Payers = 32,
    Person = 64,
}

/// <summary>One changed part, from which value to which ("end user \"A\" → \"B\"").</summary>
public sealed record PartChange(ProposalParts Part, string Action, string? From, string? To)
{
    public string PartName => Part switch
    {
        ProposalParts.EndUsers => "end user",
        ProposalParts.Partners => "partner",
        ProposalParts.Members => "member",
        ProposalParts.Funders => "funder",
        ProposalParts.Payers => "payer",
        ProposalParts.Person => "person",
        _ => "details",
    };
}

/// <summary>What a proposal looked like, as far as a change after approval is concerned.</summary>
public sealed record ProposalState(IReadOnlyList<(Guid Id, PartnerDetails Details)> Partners, IReadOnlyList<(Guid PersonId, MemberRole Role)> Members,
    IReadOnlyList<(Guid Id, FundingDetails Details)> Funding)
{
    public static ProposalState Of(Proposal p, IEnumerable<FundingSource>? funding) => new(
        p.Partners.Select(x => (x.Id, x.Details)).ToList(), p.Members.Select(m => (m.PersonId, m.Role)).ToList(),
        (funding ?? []).Select(f => (f.Id, f.Details)).ToList());
}

/// <summary>
/// The typed change set of one edit: produced in one place (<see cref="Between"/>) from the state before and after,
/// it says which parts changed and from which value to which. It decides whether an approved review reopens, and it
/// is what the change-after-approval rule names.
/// </summary>
public sealed record ProposalChangeSet(ProposalParts Parts, IReadOnlyList<PartChange> Changes)
{
    public const ProposalParts ReopeningParts = ProposalParts.Partners | ProposalParts.EndUsers | ProposalParts.Members | ProposalParts.Funders
        | ProposalParts.Payers | ProposalParts.Person;

    public static readonly ProposalChangeSet Empty = new(ProposalParts.None, []);

    public bool ReopensReview => (Parts & ReopeningParts) != 0;

    public ProposalChangeSet With(ProposalChangeSet other) => new(Parts | other.Parts, [.. Changes, .. other.Changes]);

    public static ProposalChangeSet Of(PartChange change) => new(change.Part, [change]);

    public string Describe() => string.Join("; ", Changes.Select(c => c.Action switch
    {
        "added" => $"{c.PartName} \"{c.To}\" added",
        "removed" => $"{c.PartName} \"{c.From}\" removed",
        _ => $"{c.PartName} \"{c.From}\" → \"{c.To}\"",
    }));

    public static ProposalChangeSet Between(ProposalState before, ProposalState after, bool detailsChanged)
    {
        var changes = new List<PartChange>();
        Diff(before.Partners, after.Partners, p => p.Role == PartnerRole.EndUser ? ProposalParts.EndUsers : ProposalParts.Partners,
            p => $"{p.Name} ({p.Country})", changes);
        Diff(before.Members.Select(m => (m.PersonId, m.Role)).ToList(), after.Members.Select(m => (m.PersonId, m.Role)).ToList(),
            _ => ProposalParts.Members, r => r.ToString(), changes, removedAsPerson: true);
        foreach (var (id, was) in before.Funding)
        {
            var now = after.Funding.FirstOrDefault(f => f.Id == id).Details;
            if (now is null) changes.Add(new PartChange(ProposalParts.Funders, "removed", was.FunderName, null));
            else
            {
                if (now.FunderName != was.FunderName || now.Country != was.Country)
                    changes.Add(new PartChange(ProposalParts.Funders, "changed", $"{was.FunderName} ({was.Country})", $"{now.FunderName} ({now.Country})"));
                if (now.Payer != was.Payer) changes.Add(new PartChange(ProposalParts.Payers, "changed", was.Payer, now.Payer));
            }
        }
        foreach (var (id, now) in after.Funding.Where(f => before.Funding.All(b => b.Id != f.Id)))
            changes.Add(new PartChange(ProposalParts.Funders, "added", null, now.FunderName));
        var parts = changes.Aggregate(detailsChanged ? ProposalParts.Details : ProposalParts.None, (acc, c) => acc | c.Part);
        return new ProposalChangeSet(parts, changes);
    }

    private static void Diff<TKey, T>(IReadOnlyList<(TKey Id, T Value)> before, IReadOnlyList<(TKey Id, T Value)> after, Func<T, ProposalParts> part,
        Func<T, string> show, List<PartChange> changes, bool removedAsPerson = false) where TKey : notnull
    {
        var afterById = after.ToDictionary(a => a.Id, a => a.Value);
        var beforeById = before.ToDictionary(b => b.Id, b => b.Value);
        // A partner replaced by another of the same kind in one edit reads as "from → to", the way the guidance puts it.
        var removed = before.Where(b => !afterById.ContainsKey(b.Id)).ToList();
        var added = after.Where(a => !beforeById.ContainsKey(a.Id)).ToList();
        foreach (var (id, was) in before)
            if (afterById.TryGetValue(id, out var now) && !EqualityComparer<T>.Default.Equals(was, now))
                changes.Add(new PartChange(part(now), "changed", show(was), show(now)));
        foreach (var r in removed.ToList())
        {
            var replacement = added.FirstOrDefault(a => part(a.Value) == part(r.Value));
            if (replacement.Value is null || removedAsPerson) continue;
            changes.Add(new PartChange(part(r.Value), "replaced", show(r.Value), show(replacement.Value)));
            removed.Remove(r);
            added.Remove(replacement);
        }
        changes.AddRange(removed.Select(r => new PartChange(part(r.Value), "removed", removedAsPerson ? $"{r.Id} ({show(r.Value)})" : show(r.Value), null)));
        changes.AddRange(added.Select(a => new PartChange(part(a.Value), "added", null, removedAsPerson ? $"{a.Id} ({show(a.Value)})" : show(a.Value))));
    }
}
