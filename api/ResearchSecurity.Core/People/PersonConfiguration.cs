using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchSecurity.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.NameNormalized).HasMaxLength(300);
        b.Property(p => p.NativeName).HasMaxLength(300);
        b.Property(p => p.Email).HasMaxLength(320);
        b.Property(p => p.EmailDomain).HasMaxLength(255);
        b.Property(p => p.Orcid).HasMaxLength(19);
        b.Property(p => p.OwnerId).HasMaxLength(200);
        b.Property(p => p.UserId).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.ComplexProperty(p => p.Declarations, d => d.Property(x => x.ForeignFundingDetails).HasMaxLength(2000));
        b.HasIndex(p => p.OwnerId);
        b.HasIndex(p => p.UserId);
        b.HasMany(p => p.Affiliations).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.TalentPrograms).WithOne().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Affiliations).AutoInclude();
        b.Navigation(p => p.Visits).AutoInclude();
        b.Navigation(p => p.TalentPrograms).AutoInclude();
    }
}

internal sealed class AffiliationConfiguration : IEntityTypeConfiguration<Affiliation>
{
    public void Configure(EntityTypeBuilder<Affiliation> b)
    {
        b.Property(a => a.OrganisationName).HasMaxLength(1000);
        b.Property(a => a.OrganisationNormalized).HasMaxLength(1000);
        b.Property(a => a.Country).HasMaxLength(2).IsFixedLength();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.HostDepartment).HasMaxLength(300);
        b.Property(v => v.HostPrincipalInvestigator).HasMaxLength(300);
        b.Property(v => v.Sponsor).HasMaxLength(500);
        b.Property(v => v.SponsorNormalized).HasMaxLength(500);
        b.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TalentProgramConfiguration : IEntityTypeConfiguration<TalentProgramParticipation>
{
    public void Configure(EntityTypeBuilder<TalentProgramParticipation> b)
    {
        b.ToTable("talent_program_participations");
        b.Property(t => t.ProgramName).HasMaxLength(500);
        b.Property(t => t.ProgramNameNormalized).HasMaxLength(500);
        b.Property(t => t.Sponsor).HasMaxLength(500);
        b.Property(t => t.Compensation).HasMaxLength(1000);
    }
}
