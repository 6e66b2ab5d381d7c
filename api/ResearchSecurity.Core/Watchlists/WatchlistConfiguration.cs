using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Watchlists;

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).HasMaxLength(60);
        b.Property(w => w.DisplayName).HasMaxLength(200);
        b.Property(w => w.Format).HasConversion<string>().HasMaxLength(30);
        b.Property(w => w.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.SourceUrl).HasMaxLength(1000);
        b.Property(w => w.RefreshCron).HasMaxLength(100);
        b.Property(w => w.CreatedBy).HasMaxLength(200);
        b.Property(w => w.Version).IsRowVersion();
    }
}

internal sealed class ListVersionConfiguration : IEntityTypeConfiguration<ListVersion>
{
    public void Configure(EntityTypeBuilder<ListVersion> b)
    {
        b.Property(v => v.WatchlistId).HasMaxLength(60);
        b.Property(v => v.FileName).HasMaxLength(300);
        b.Property(v => v.FileHash).HasMaxLength(64);
        b.Property(v => v.ImportErrors).HasColumnType("text");
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.UploadedBy).HasMaxLength(200);
        b.Property(v => v.ActivatedBy).HasMaxLength(200);
        b.HasIndex(v => new { v.WatchlistId, v.Number }).IsUnique();
        b.HasIndex(v => new { v.WatchlistId, v.FileHash });
        b.HasOne<Watchlist>().WithMany().HasForeignKey(v => v.WatchlistId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ListedEntityConfiguration : IEntityTypeConfiguration<ListedEntity>
{
    public void Configure(EntityTypeBuilder<ListedEntity> b)
    {
        b.Property(e => e.EntityId).HasMaxLength(300);
        b.Property(e => e.Name).HasMaxLength(1000);
        b.Property(e => e.ContentHash).HasMaxLength(64);
        b.Property(e => e.Data).HasColumnType("text");
        b.HasIndex(e => new { e.ListVersionId, e.EntityId }).IsUnique();
        b.HasOne<ListVersion>().WithMany().HasForeignKey(e => e.ListVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
