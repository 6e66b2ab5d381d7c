using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Screening;

internal sealed class ScreeningRunConfiguration : IEntityTypeConfiguration<ScreeningRun>
{
    public void Configure(EntityTypeBuilder<ScreeningRun> b)
    {
        b.Property(r => r.SubjectType).HasMaxLength(60);
        b.Property(r => r.Fields).HasMaxLength(500);
        b.Property(r => r.ListVersions).HasMaxLength(2000);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.FailureReason).HasMaxLength(2000);
        b.Property(r => r.JobId).HasMaxLength(100);
        b.HasIndex(r => new { r.SubjectType, r.SubjectId, r.QueuedAt });
        b.HasIndex(r => r.ProposalId);
    }
}

internal sealed class ScreeningHitConfiguration : IEntityTypeConfiguration<ScreeningHit>
{
    public void Configure(EntityTypeBuilder<ScreeningHit> b)
    {
        b.Property(h => h.SubjectType).HasMaxLength(60);
        b.Property(h => h.Field).HasMaxLength(60);
        b.Property(h => h.TextScreened).HasMaxLength(2000);
        b.Property(h => h.WatchlistId).HasMaxLength(60);
        b.Property(h => h.EntityId).HasMaxLength(300);
        b.Property(h => h.EntityName).HasMaxLength(1000);
        b.Property(h => h.MatchedName).HasMaxLength(1000);
        b.Property(h => h.Segment).HasMaxLength(2000);
        b.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.HistoricalReason).HasMaxLength(500);
        b.Property(h => h.Explanation).HasColumnType("text");
        b.Property(h => h.EntityContentHash).HasMaxLength(64);
        b.Property(h => h.Disposition).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.DispositionReason).HasMaxLength(200);
        b.Property(h => h.DispositionNote).HasMaxLength(4000);
        b.Property(h => h.DisposedBy).HasMaxLength(200);
        b.Property(h => h.ReRaisedReason).HasMaxLength(500);
        // The idempotency guarantee of screening jobs: one hit per subject field and listed entity.
        b.HasIndex(h => new { h.SubjectType, h.SubjectId, h.Field, h.WatchlistId, h.EntityId }).IsUnique();
        b.HasIndex(h => h.ProposalId);
        b.HasIndex(h => h.PersonId);
        b.HasIndex(h => new { h.WatchlistId, h.EntityId });
        b.HasOne<Watchlists.ListVersion>().WithMany().HasForeignKey(h => h.ListVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
