namespace ResearchSecurity.Core.Common;

/// <summary>
/// Replace-by-id semantics for rows that belong to a record: rows sent with an id are updated in place (so screening
/// hits stay attached to them), rows without an id are added, rows not sent are removed.
/// </summary>
public static class ChildCollection
{
    /// <summary>Children held in the record's own list.</summary>
    internal static bool Sync<TChild, TDetails>(List<TChild> children, IReadOnlyList<(Guid? Id, TDetails Details)> wanted,
        Func<TDetails, TChild> create, Func<TChild, TDetails, bool> apply, string childName)
        where TChild : Entity =>
        Sync([.. children], wanted, create, children.Add, c => children.Remove(c), apply, childName);

    /// <summary>
    /// Any set of rows: <paramref name="add"/> and <paramref name="remove"/> say how (e.g. a DbSet, for rows kept in
    /// their own table). Returns true when anything changed.
    /// </summary>
    public static bool Sync<TChild, TDetails>(IReadOnlyCollection<TChild> existing, IReadOnlyList<(Guid? Id, TDetails Details)> wanted,
        Func<TDetails, TChild> create, Action<TChild> add, Action<TChild> remove, Func<TChild, TDetails, bool> apply, string childName)
        where TChild : Entity
    {
        var keep = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToHashSet();
        var changed = false;
        foreach (var gone in existing.Where(c => !keep.Contains(c.Id)).ToList())
        {
            remove(gone);
            changed = true;
        }
        foreach (var (id, details) in wanted)
        {
            if (id is null)
            {
                add(create(details));
                changed = true;
                continue;
            }
            var current = existing.FirstOrDefault(c => c.Id == id)
                ?? throw new DomainException($"{childName} {id} does not belong to this record.");
            changed |= apply(current, details);
        }
        return changed;
    }
}
