namespace ResearchSecurity.Core.Common;

public abstract class Entity
{
    // Version-7 GUIDs sort by creation time, which keeps B-tree inserts local.
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>
/// A top-level record with an owner, timestamps and an optimistic concurrency token that doubles as the ETag.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public string OwnerId { get; protected set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; protected set; }
    public DateTimeOffset UpdatedAt { get; protected set; }

    /// <summary>
    /// Counts the saves that changed what a user sees and edits; <see cref="ResearchSecurityVersioning"/> raises it.
    /// Properties marked <see cref="DerivedStateAttribute"/> do not raise it, so the worker storing a computed value
    /// never makes a user's ETag stale.
    /// </summary>
    public long Version { get; internal set; }

    protected void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>
/// A value the system computes from other records (the risk level from the screening hits and rules). Storing it is
/// not an edit: it leaves <see cref="AggregateRoot.Version"/> alone. EF still writes only the changed columns, so a
/// user's concurrent edit and the derived value both survive.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerivedStateAttribute : Attribute;
