using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Reference;

internal sealed class TechnologyAreaConfiguration : IEntityTypeConfiguration<TechnologyArea>
{
    public void Configure(EntityTypeBuilder<TechnologyArea> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(200);
        b.HasData(TechnologyArea.Seed);
    }
}
