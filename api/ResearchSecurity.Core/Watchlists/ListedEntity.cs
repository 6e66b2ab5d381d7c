using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>
/// One entity of one list version, stored whole (<see cref="Data"/> is the engine's WatchlistEntity as JSON) so the
/// matching index can be rebuilt from PostgreSQL and versions can be diffed.
/// </summary>
public sealed class ListedEntity : Entity
{
    private ListedEntity() { }

    public ListedEntity(Guid listVersionId, string entityId, string name, string contentHash, string data)
    {
        ListVersionId = listVersionId;
        EntityId = entityId;
        Name = name;
        ContentHash = contentHash;
        Data = data;
    }

    public Guid ListVersionId { get; private set; }
    /// <summary>The list's own id for the entity (FtM id, ASPI uuid, CSL source+number...).</summary>
    public string EntityId { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>Hash of names + listing periods + parent: a changed hash means "the listed entry changed".</summary>
    public string ContentHash { get; private set; } = string.Empty;
    public string Data { get; private set; } = string.Empty;
}
