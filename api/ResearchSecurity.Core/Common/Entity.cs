namespace ResearchSecurity.Core.Common;

public abstract class Entity
{
    // Version-7 GUIDs sort by creation time, which keeps B-tree inserts local.
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>
/// A top-level record with an owner, timestamps and an optimistic concurrency token (PostgreSQL xmin).
/// </summary>
public abstract class AggregateRoot : Entity
{
    public string OwnerId { get; protected set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; protected set; }
    public DateTimeOffset UpdatedAt { get; protected set; }

    /// <summary>Mapped to xmin; any change to the row changes it, so it doubles as the ETag.</summary>
    public uint Version { get; private set; }

    protected void Touch(DateTimeOffset now) => UpdatedAt = now;
}
