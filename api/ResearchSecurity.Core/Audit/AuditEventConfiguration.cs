using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        // Several events can be added in one save before their sequence numbers exist, so the key is a GUID and the
        // chain position a unique column.
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.EventType).HasConversion<int>();
        b.Property(a => a.ActorId).HasMaxLength(200);
        b.Property(a => a.ActorKind).HasMaxLength(20);
        b.Property(a => a.JobId).HasMaxLength(100);
        b.Property(a => a.SubjectType).HasMaxLength(60);
        b.Property(a => a.Changes).HasColumnType("text");
        b.Property(a => a.Reason).HasMaxLength(4000);
        b.Property(a => a.CorrelationId).HasMaxLength(100);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(a => a.ProposalId);
        b.HasIndex(a => new { a.SubjectType, a.SubjectId });
        b.HasIndex(a => a.OccurredAt);
    }
}
