namespace ResearchSecurity.Core.Common;

/// <summary>
/// Replace-by-id semantics for child rows of a record: rows sent with an id are updated in place (so screening
/// hits stay attached to them), rows without an id are added, rows not sent are removed.
/// </summary>
internal static class ChildCollection
{
    public static bool Sync<TChild, TDetails>(List<TChild> children, IReadOnlyList<(Guid? Id, TDetails Details)> wanted,
        Func<TDetails, TChild> create, Func<TChild, TDetails, bool> apply, string childName)
        where TChild : Entity
    {
        var keep = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToHashSet();
        var changed = children.RemoveAll(c => !keep.Contains(c.Id)) > 0;
        foreach (var (id, details) in wanted)
        {
            if (id is null)
            {
                children.Add(create(details));
                changed = true;
                continue;
            }
            var existing = children.FirstOrDefault(c => c.Id == id)
                ?? throw new DomainException($"{childName} {id} does not belong to this record.");
            changed |= apply(existing, details);
        }
        return changed;
    }
}
