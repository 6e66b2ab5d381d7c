using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.Proposals;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.TitleNormalized).HasMaxLength(300);
        b.Property(p => p.Summary).HasMaxLength(5000);
        b.Property(p => p.OwnerId).HasMaxLength(200);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.AssignedReviewerId).HasMaxLength(200);
        b.Property(p => p.RiskReasons).HasMaxLength(8000);
        b.HasIndex(p => p.OwnerId);
        b.HasIndex(p => p.AssignedReviewerId);
        b.HasIndex(p => p.Status);
        b.HasIndex(p => p.TechnologyAreas).HasMethod("gin");
        b.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Partners).AutoInclude();
        b.Navigation(p => p.Members).AutoInclude();
    }
}

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> b)
    {
        b.Property(p => p.Name).HasMaxLength(500);
        b.Property(p => p.NameNormalized).HasMaxLength(500);
        b.Property(p => p.Country).HasMaxLength(2).IsFixedLength();
        b.Property(p => p.Website).HasMaxLength(500);
        b.Property(p => p.Address).HasMaxLength(1000);
        b.Property(p => p.ContactEmail).HasMaxLength(320);
        b.Property(p => p.ContactPhone).HasMaxLength(50);
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(p => p.Country);
    }
}

internal sealed class ProposalMemberConfiguration : IEntityTypeConfiguration<ProposalMember>
{
    public void Configure(EntityTypeBuilder<ProposalMember> b)
    {
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(m => new { m.ProposalId, m.PersonId }).IsUnique();
        b.HasOne<People.Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
