using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ResearchSecurity.Core.Audit;

/// <summary>
/// One append-only audit row. Rows are hash-chained: <see cref="Hash"/> covers the row's canonical content and
/// <see cref="PreviousHash"/>, so rewriting or deleting any row breaks verification from that row on.
/// The database refuses UPDATE and DELETE on the table (trigger in the initial migration).
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(AuditEventType type, string subjectType, Guid? subjectId, Guid? proposalId, string? changesJson, string? reason)
    {
        EventType = type;
        SubjectType = subjectType;
        SubjectId = subjectId;
        ProposalId = proposalId;
        Changes = changesJson;
        Reason = reason;
    }

    /// <summary>Row identity. The chain position is <see cref="Sequence"/>, which is only known when the row is saved.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Chain position, assigned under a transaction-scoped lock when the row is saved.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public AuditEventType EventType { get; private set; }
    public string ActorId { get; private set; } = string.Empty;
    public string ActorKind { get; private set; } = string.Empty;
    public string? JobId { get; private set; }
    public string SubjectType { get; private set; } = string.Empty;
    public Guid? SubjectId { get; private set; }
    public Guid? ProposalId { get; private set; }
    /// <summary>Before/after of the changed fields as JSON text (text, not jsonb, so the hashed bytes survive a round trip).</summary>
    public string? Changes { get; private set; }
    public string? Reason { get; private set; }
    public string? CorrelationId { get; private set; }
    public string? ClientAddress { get; private set; }
    public string PreviousHash { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    internal void Seal(long sequence, string previousHash, DateTimeOffset now, IAuditContext context)
    {
        Sequence = sequence;
        // PostgreSQL keeps microseconds; truncate first so the hash is recomputable from the stored row.
        OccurredAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        ActorId = context.ActorId;
        ActorKind = context.ActorKind;
        JobId = context.JobId;
        CorrelationId = context.CorrelationId;
        ClientAddress = context.ClientAddress;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            Sequence, OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            (int)EventType, ActorId, ActorKind, JobId, SubjectType, SubjectId, ProposalId, Changes, Reason,
            CorrelationId, ClientAddress, PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
}
