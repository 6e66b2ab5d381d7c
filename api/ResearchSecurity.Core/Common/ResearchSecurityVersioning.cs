using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ResearchSecurity.Core.Common;

/// <summary>
/// Raises <see cref="AggregateRoot.Version"/> before a save: 1 for a new record, +1 for a record whose user-visible
/// columns changed. The version is the concurrency token, so the UPDATE still checks the value that was read.
/// </summary>
public static class ResearchSecurityVersioning
{
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<string>> DerivedByType = new();

    public static void RaiseVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<AggregateRoot>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == 0)
                entry.Entity.Version = 1;
            else if (entry.State == EntityState.Modified && ChangesContent(entry))
                entry.Entity.Version = entry.Property(r => r.Version).OriginalValue + 1;
        }
    }

    private static bool ChangesContent(EntityEntry<AggregateRoot> entry)
    {
        var derived = DerivedByType.GetOrAdd(entry.Entity.GetType(), type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<DerivedStateAttribute>() is not null)
            .Select(p => p.Name).ToHashSet());
        return entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(AggregateRoot.Version)
            && !derived.Contains(p.Metadata.Name));
    }
}
