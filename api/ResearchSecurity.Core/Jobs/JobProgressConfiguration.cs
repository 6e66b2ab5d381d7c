using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Jobs;

internal sealed class JobProgressConfiguration : IEntityTypeConfiguration<JobProgress>
{
    public void Configure(EntityTypeBuilder<JobProgress> b)
    {
        b.ToTable("job_progress");
        b.Property(j => j.Kind).HasMaxLength(60);
        b.Property(j => j.Description).HasMaxLength(500);
        b.Property(j => j.HangfireJobId).HasMaxLength(100);
        b.Property(j => j.Parameters).HasColumnType("text");
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Checkpoint).HasMaxLength(200);
        b.Property(j => j.Error).HasMaxLength(4000);
        b.Property(j => j.Result).HasColumnType("text");
        b.HasIndex(j => new { j.Kind, j.CreatedAt });
    }
}
