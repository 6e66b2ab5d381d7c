using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => new { r.UserId, r.Key });
        b.Property(r => r.UserId).HasMaxLength(200);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.Route).HasMaxLength(300);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Location).HasMaxLength(500);
        b.Property(r => r.ResponseBody).HasColumnType("text");
    }
}
